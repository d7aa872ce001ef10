namespace Backfill.Testing;

/// <summary>What a <see cref="StorageProxy"/> does with a connection.</summary>
public enum StorageProxyMode
{
    /// <summary>Pipes it to the emulator: storage is up.</summary>
    Forward,

    /// <summary>Resets it at once: storage is down.</summary>
    Refuse,

    /// <summary>Accepts it and never answers, like a proxy holding the request: storage hangs.</summary>
    Hold,
}

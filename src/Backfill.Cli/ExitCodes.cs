namespace Backfill.Cli;

/// <summary>Process exit codes, stable for scripts (documented in the README).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Unreachable = 3;

    /// <summary>The host answered 503: its storage is unavailable for now; the same command may succeed later.</summary>
    public const int StorageUnavailable = 4;
}

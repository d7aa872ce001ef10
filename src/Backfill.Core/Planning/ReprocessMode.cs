namespace Backfill.Core.Planning;

/// <summary>
/// Which partitions of its partition set and layers a backfill rebuilds. Every mode but <see cref="Changed"/> and
/// <see cref="All"/> also rebuilds what depends on a chosen partition, within the same partition set and layers.
/// </summary>
public enum ReprocessMode
{
    /// <summary>Every item; one whose live commit came from the same code and config version is skipped (the default).</summary>
    Changed,

    /// <summary>Partitions whose latest attempt failed after their live commit, if any, was published.</summary>
    Failed,

    /// <summary>Partitions with no live commit.</summary>
    Missing,

    /// <summary>Partitions whose live commit read an input that is no longer the live commit upstream.</summary>
    Stale,

    /// <summary>Every item, whatever its state.</summary>
    All,
}

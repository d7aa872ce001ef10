namespace Backfill.Core.Partitions;

/// <summary>Where one partition of one dataset stands, as the partitions API and the dashboard show it.</summary>
public enum PartitionState
{
    /// <summary>No live commit and nothing in flight or failed: never built.</summary>
    Missing,

    /// <summary>A live commit built from the inputs that are still live upstream.</summary>
    Committed,

    /// <summary>A work item of a backfill is building it right now.</summary>
    Running,

    /// <summary>The latest attempt failed (validation or build) after the live commit, if any, was published.</summary>
    Failed,

    /// <summary>A live commit whose recorded input commit is no longer the live commit of that upstream partition.</summary>
    Stale,
}

namespace Backfill.Storage.Commits;

/// <summary>How a per-partition rollback ended.</summary>
public enum RollbackStatus
{
    /// <summary>The manifest now names the previous commit.</summary>
    RolledBack,

    /// <summary>The partition has no manifest.</summary>
    NoPartition,

    /// <summary>The manifest remembers no previous commit.</summary>
    NoPreviousCommit,

    /// <summary>Another writer replaced the manifest meanwhile; nothing changed.</summary>
    Conflict,
}

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

    /// <summary>The commit asked for is not among the previous commits the manifest remembers.</summary>
    UnknownCommit,

    /// <summary>The commit asked for is already the live one; nothing changed.</summary>
    AlreadyLive,
}

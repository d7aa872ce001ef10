namespace Backfill.Workflows.Models;

/// <summary>What a pointer orchestration does.</summary>
public enum PointerOperation
{
    /// <summary>Check completeness and the canary, then flip to a new version.</summary>
    Flip,

    /// <summary>Restore the previous version.</summary>
    Rollback,
}

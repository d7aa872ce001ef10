namespace Backfill.Workflows.Models;

/// <summary>How a flip orchestration ended.</summary>
public enum FlipOutcomeKind
{
    /// <summary>The pointer names the new version.</summary>
    Flipped,

    /// <summary>The pointer names the previous version again.</summary>
    RolledBack,

    /// <summary>The compare-and-set refused the change: the pointer is not where the caller expected.</summary>
    Conflict,

    /// <summary>Some required partition of the target version is missing or failed validation.</summary>
    Incomplete,

    /// <summary>A canary partition failed the downstream read test or the drift check.</summary>
    CanaryFailed,

    /// <summary>A dry run's checks passed; the pointer was left as it was.</summary>
    Checked,
}

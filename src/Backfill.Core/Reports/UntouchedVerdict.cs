namespace Backfill.Core.Reports;

/// <summary>What a repair report can say about a partition the backfill did not publish.</summary>
public enum UntouchedVerdict
{
    /// <summary>Its manifest has not been written since the backfill started.</summary>
    Unchanged,

    /// <summary>Its manifest was written after the backfill started, by another run (or too close to the start to tell).</summary>
    ChangedSinceStart,

    /// <summary>It has no manifest: nothing is live, so readers saw nothing before or after.</summary>
    Missing,
}

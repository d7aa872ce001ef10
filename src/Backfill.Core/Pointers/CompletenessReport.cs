using Backfill.Core.Partitions;

namespace Backfill.Core.Pointers;

/// <summary>Whether a feature version has every partition a flip requires, committed and validated.</summary>
/// <param name="Required">The days the flip requires, ascending.</param>
/// <param name="Missing">Required days with no live commit in the target version.</param>
/// <param name="Failed">Required days whose live commit did not pass validation.</param>
public sealed record CompletenessReport(IReadOnlyList<Day> Required, IReadOnlyList<Day> Missing, IReadOnlyList<FailedPartition> Failed)
{
    /// <summary>Gets whether every required day is committed and passed validation.</summary>
    public bool IsComplete => Missing.Count == 0 && Failed.Count == 0;
}

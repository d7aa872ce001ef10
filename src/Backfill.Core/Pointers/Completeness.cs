using Backfill.Core.Partitions;
using Backfill.Core.Validation;

namespace Backfill.Core.Pointers;

/// <summary>The completeness check of a flip: every required day committed in the target version and validated.</summary>
public static class Completeness
{
    /// <summary>
    /// The days a flip requires by default: every closed day from the current version's first committed day up to
    /// its last committed day or its committed watermark, whichever is later. Not only the days the current version
    /// happens to have: a day it lacks is still a day readers expect, so a flip never leaves them a gap.
    /// </summary>
    /// <param name="committed">The current version's committed days, in any order.</param>
    /// <param name="committedWatermark">The daily run's committed watermark of the current version; null before its first commit.</param>
    /// <returns>The days, ascending; empty when the current version has nothing committed.</returns>
    public static IReadOnlyList<Day> RequiredDays(IReadOnlyCollection<Day> committed, Day? committedWatermark)
    {
        ArgumentNullException.ThrowIfNull(committed);
        if (committed.Count == 0)
        {
            return committedWatermark is { } only ? [only] : [];
        }

        var first = committed.Min();
        var last = committedWatermark is { } watermark && watermark > committed.Max() ? watermark : committed.Max();
        return [.. Enumerable.Range(0, last.Date.DayNumber - first.Date.DayNumber + 1).Select(first.AddDays)];
    }

    /// <summary>Checks <paramref name="required"/> against the target version's live commits.</summary>
    /// <param name="required">The days the flip requires.</param>
    /// <param name="committed">
    /// The target version's days with a live commit, each with the validation status recorded for that commit
    /// (null when none was recorded).
    /// </param>
    /// <returns>The missing and failed days, ascending.</returns>
    public static CompletenessReport Check(IEnumerable<Day> required, IReadOnlyDictionary<Day, ValidationStatus?> committed)
    {
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(committed);
        var days = required.Distinct().Order().ToList();
        var missing = new List<Day>();
        var failed = new List<FailedPartition>();
        foreach (var day in days)
        {
            if (!committed.TryGetValue(day, out var validation))
            {
                missing.Add(day);
            }
            else if (validation is null)
            {
                // A live commit without a recorded validation never went through the partition gate.
                failed.Add(new FailedPartition(day, "no validation recorded for the live commit"));
            }
            else if (validation == ValidationStatus.Fail)
            {
                failed.Add(new FailedPartition(day, "the live commit failed validation"));
            }
        }

        return new CompletenessReport(days, missing, failed);
    }
}

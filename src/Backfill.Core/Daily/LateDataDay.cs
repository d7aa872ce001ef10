using Backfill.Core.Lineage;
using Backfill.Core.Partitions;

namespace Backfill.Core.Daily;

/// <summary>
/// The late-data metrics of one event day: what landed (by lateness band), and how many unique events each
/// kind of daily processing brought into staging.
/// </summary>
/// <param name="Day">The event day.</param>
/// <param name="Landed">What had landed by the latest processing of the day.</param>
/// <param name="IncludedAtFirstProcessing">Unique events in staging after the day's first successful build.</param>
/// <param name="PickedUpByRolling">Unique events the rolling reprocess (or a catchup retry) added after that.</param>
/// <param name="RepairedAfterWindow">Unique events the beyond-watermark repair added.</param>
/// <param name="BeyondWatermarkPending">Unique events that landed after the day's last reprocess and are not yet repaired.</param>
/// <param name="Included">Unique events in staging now.</param>
/// <param name="LastProcessedAt">The processing time of the latest build.</param>
public sealed record LateDataDay(
    Day Day,
    LandedCounts Landed,
    long IncludedAtFirstProcessing,
    long PickedUpByRolling,
    long RepairedAfterWindow,
    long BeyondWatermarkPending,
    long Included,
    DateTimeOffset LastProcessedAt)
{
    /// <summary>Records a successful staging build of the day.</summary>
    /// <param name="previous">The day's metrics so far; <see langword="null"/> before its first build.</param>
    /// <param name="day">The event day.</param>
    /// <param name="trigger">Why the day was built.</param>
    /// <param name="landed">What had landed by <paramref name="processedAt"/>.</param>
    /// <param name="included">Unique events in staging after the build.</param>
    /// <param name="processedAt">The build's processing time.</param>
    /// <returns>The updated metrics; events added by a build are counted once, under the build's kind.</returns>
    public static LateDataDay Record(LateDataDay? previous, Day day, RunTrigger trigger, LandedCounts landed, long included, DateTimeOffset processedAt)
    {
        ArgumentNullException.ThrowIfNull(landed);
        if (previous is null)
        {
            return new LateDataDay(day, landed, included, 0, 0, 0, included, processedAt);
        }

        // Merge never drops events, so staging only grows; a smaller count is an overwrite by a backfill.
        var added = Math.Max(0, included - previous.Included);
        var updated = previous with { Landed = landed, Included = included, LastProcessedAt = processedAt };
        return trigger switch
        {
            RunTrigger.Repair => updated with
            {
                RepairedAfterWindow = previous.RepairedAfterWindow + added, BeyondWatermarkPending = Math.Max(0, landed.Unique - included),
            },
            // A backfill rebuilds the day from everything landed by its pinned time: what it adds is no daily pickup.
            RunTrigger.Backfill => updated with { BeyondWatermarkPending = Math.Max(0, landed.Unique - included) },
            _ => updated with { PickedUpByRolling = previous.PickedUpByRolling + added },
        };
    }
}

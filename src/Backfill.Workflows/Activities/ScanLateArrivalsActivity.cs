using Backfill.Core.Partitions;
using Backfill.Storage.Daily;
using Backfill.Workflows.Models;
using Backfill.Workflows.Pipeline;
using Microsoft.DurableTask;

namespace Backfill.Workflows.Activities;

/// <summary>
/// Finds beyond-watermark late data: for each closed day, the events that landed (by arrival hour, up to the
/// run time) but are not in its staging partition arrived after the day's last reprocess. Counts them in the
/// metrics and returns the days that have any.
/// </summary>
public sealed class ScanLateArrivalsActivity(LateDataRecorder recorder, LateDataStore store) : TaskActivity<LateScanRequest, IReadOnlyList<PartitionKey>>
{
    /// <inheritdoc />
    public override async Task<IReadOnlyList<PartitionKey>> RunAsync(TaskActivityContext context, LateScanRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = new List<PartitionKey>();
        foreach (var day in input.Days)
        {
            // Only days the daily run has processed have a last reprocess to be late for.
            if (await store.GetAsync(input.Target, day, CancellationToken.None).ConfigureAwait(false) is not { } metrics)
            {
                continue;
            }

            var landed = await recorder.LandedAsync(day, input.AsOf, CancellationToken.None).ConfigureAwait(false);
            var included = await recorder.IncludedAsync(day, CancellationToken.None).ConfigureAwait(false);
            var pending = Math.Max(0, landed.Unique - included);
            await store.SaveAsync(input.Target, metrics with { Landed = landed, Included = included, BeyondWatermarkPending = pending }, CancellationToken.None)
                .ConfigureAwait(false);
            if (pending > 0)
            {
                found.Add(day);
            }
        }

        return found;
    }
}

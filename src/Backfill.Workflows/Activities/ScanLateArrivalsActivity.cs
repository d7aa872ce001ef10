using Backfill.Core.Partitions;
using Backfill.Storage.Alerts;
using Backfill.Storage.Daily;
using Backfill.Workflows.Alerts;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Models;
using Backfill.Workflows.Pipeline;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Activities;

/// <summary>
/// Finds beyond-watermark late data: for each closed day, the events that landed (by arrival hour, up to the
/// run time) but are not in its staging partition arrived after the day's last reprocess. Counts them in the
/// metrics, alerts once per day and reprocess when they reach <c>Alerts:LateBeyondWatermarkEvents</c>, and returns
/// the days that have any.
/// </summary>
public sealed class ScanLateArrivalsActivity(LateDataRecorder recorder, LateDataStore store, AlertRaiser alerts, IOptions<AlertSettings> settings)
    : TaskActivity<LateScanRequest, IReadOnlyList<Day>>
{
    /// <inheritdoc />
    public override async Task<IReadOnlyList<Day>> RunAsync(TaskActivityContext context, LateScanRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = new List<Day>();
        foreach (var day in input.Days)
        {
            // Only days the daily run has processed have a last reprocess to be late for.
            if (await store.GetAsync(day, CancellationToken.None).ConfigureAwait(false) is not { } metrics)
            {
                continue;
            }

            var landed = await recorder.LandedAsync(day, input.AsOf, CancellationToken.None).ConfigureAwait(false);
            var included = await recorder.IncludedAsync(day, CancellationToken.None).ConfigureAwait(false);
            var pending = Math.Max(0, landed.Unique - included);
            await store.SaveAsync(metrics with { Landed = landed, Included = included, BeyondWatermarkPending = pending }, CancellationToken.None)
                .ConfigureAwait(false);
            if (pending > 0)
            {
                found.Add(day);
            }

            if (pending >= settings.Value.LateBeyondWatermarkEvents)
            {
                // Keyed by the day's last reprocess: until it is rebuilt, more late events are the same condition.
                await alerts.RaiseOnceAsync(new AlertRequest(
                    AlertSeverity.Warning, AlertKinds.LateBeyondWatermark,
                    $"{AlertKinds.LateBeyondWatermark}:{day}:{metrics.LastProcessedAt:O}",
                    $"{pending} event(s) landed for {day} after its watermark passed; they are not in its partitions until it is rebuilt.",
                    Partition: day.ToString()), CancellationToken.None).ConfigureAwait(false);
            }
        }

        return found;
    }
}

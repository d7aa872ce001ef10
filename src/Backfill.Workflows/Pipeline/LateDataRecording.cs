using Backfill.Core.Daily;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;
using Backfill.Storage.Daily;
using Backfill.Workflows.Telemetry;

namespace Backfill.Workflows.Pipeline;

/// <summary>
/// Records a day's late-data metrics after a successful staging build, by a daily run or a backfill: what had
/// landed by the build's pinned processing time, and what staging took in.
/// </summary>
public sealed class LateDataRecording(LateDataRecorder recorder, LateDataStore store)
{
    /// <summary>Records the build of <paramref name="day"/> at <paramref name="processingTime"/>.</summary>
    /// <returns>The day's metrics after the build.</returns>
    public async Task<LateDataDay> RecordAsync(Day day, RunTrigger trigger, DateTimeOffset processingTime, CancellationToken cancellationToken)
    {
        var landed = await recorder.LandedAsync(day, processingTime, cancellationToken).ConfigureAwait(false);
        var included = await recorder.IncludedAsync(day, cancellationToken).ConfigureAwait(false);
        var previous = await store.GetAsync(day, cancellationToken).ConfigureAwait(false);

        // A redelivered build must not count its events twice.
        if (previous is not null && previous.LastProcessedAt == processingTime && previous.Included == included)
        {
            return previous;
        }

        var metrics = LateDataDay.Record(previous, day, trigger, landed, included, processingTime);
        await store.SaveAsync(metrics, cancellationToken).ConfigureAwait(false);
        BackfillTelemetry.LandedEventsRead(previous?.Landed, landed);
        return metrics;
    }
}

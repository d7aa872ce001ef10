using Backfill.Core.Daily;
using Backfill.Storage.Daily;
using Backfill.Workflows.Models;
using Backfill.Workflows.Pipeline;
using Microsoft.DurableTask;

namespace Backfill.Workflows.Activities;

/// <summary>Records a day's late-arrival metrics after the daily run built its staging partition.</summary>
public sealed class RecordLateDataActivity(LateDataRecorder recorder, LateDataStore store) : TaskActivity<LateDataRequest, LateDataDay>
{
    /// <inheritdoc />
    public override async Task<LateDataDay> RunAsync(TaskActivityContext context, LateDataRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var landed = await recorder.LandedAsync(input.Day, input.ProcessingTime, CancellationToken.None).ConfigureAwait(false);
        var included = await recorder.IncludedAsync(input.Day, CancellationToken.None).ConfigureAwait(false);
        var previous = await store.GetAsync(input.Target, input.Day, CancellationToken.None).ConfigureAwait(false);

        // A redelivered activity for the same build must not count its events twice.
        if (previous is not null && previous.LastProcessedAt == input.ProcessingTime && previous.Included == included)
        {
            return previous;
        }

        var metrics = LateDataDay.Record(previous, input.Day, input.Trigger, landed, included, input.ProcessingTime);
        await store.SaveAsync(input.Target, metrics, CancellationToken.None).ConfigureAwait(false);
        return metrics;
    }
}

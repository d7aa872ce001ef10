using Backfill.Core.Daily;
using Backfill.Workflows.Models;
using Backfill.Workflows.Pipeline;
using Microsoft.DurableTask;

namespace Backfill.Workflows.Activities;

/// <summary>Records a day's late-data metrics after the daily run built its staging partition.</summary>
public sealed class RecordLateDataActivity(LateDataRecording recording) : TaskActivity<LateDataRequest, LateDataDay>
{
    /// <inheritdoc />
    public override Task<LateDataDay> RunAsync(TaskActivityContext context, LateDataRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return recording.RecordAsync(input.Day, input.Trigger, input.ProcessingTime, CancellationToken.None);
    }
}

using Backfill.Core.Layers;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Alerts;
using Backfill.Workflows.Models;
using Microsoft.DurableTask;

namespace Backfill.Workflows.Orchestrators;

/// <summary>
/// One day of a daily run: raw, then staging (overwrite, or merge for rolling and repair days), then the day's
/// late-data metrics. Its own orchestration so retries and timers stay out of the run's history.
/// </summary>
public sealed class DailyDayOrchestrator : TaskOrchestrator<DailyDayInput, IReadOnlyList<DailyLayerResult>>
{
    /// <inheritdoc />
    public override async Task<IReadOnlyList<DailyLayerResult>> RunAsync(TaskOrchestrationContext context, DailyDayInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var results = new List<DailyLayerResult>();
        foreach (var layer in (Layer[])[Layer.Raw, Layer.Staging])
        {
            var result = await WorkItemCalls.RunDailyAsync(context, input.RunId, input.Run, input.Step, layer, input.Run.Target, input.Slots);
            results.Add(result);
            if (!result.Succeeded)
            {
                return results;
            }
        }

        try
        {
            await context.CallActivityAsync<object>(
                nameof(RecordLateDataActivity), new LateDataRequest(input.Step.Day, input.Step.Trigger, input.Run.AsOf));
        }
        catch (TaskFailedException ex)
        {
            // The metrics describe the data; failing to record them must not fail the day's commit. The next
            // build of the day records them again from what has landed.
            await AlertCalls.RaiseAsync(context, LateDataAlerts.Unrecorded(
                input.Step.Day, "the day's late-data metrics", ex.Message, input.RunId));
        }

        return results;
    }
}

using Backfill.Core.Daily;
using Backfill.Core.Layers;
using Backfill.Core.Planning;
using Backfill.Storage.Commits;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Models;
using Microsoft.DurableTask;

namespace Backfill.Workflows.Orchestrators;

/// <summary>Runs one work item from an orchestration, retrying transient failures after a durable, doubling delay.</summary>
internal static class WorkItemCalls
{
    private const int MaxRetryDelaySeconds = 300;

    /// <summary>Calls <see cref="RunWorkItemActivity"/> until the item ends other than transiently or the retries run out.</summary>
    /// <returns>The last outcome and the number of attempts made.</returns>
    public static async Task<(WorkItemOutcome Outcome, int Attempts)> RunAsync(
        TaskOrchestrationContext context, Func<int, WorkItemRequest> requestFor, int retries, int retryDelaySeconds)
    {
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await context.CallActivityAsync<WorkItemOutcome>(nameof(RunWorkItemActivity), requestFor(attempt));
            if (outcome.Kind != WorkItemOutcomeKind.Transient || attempt > retries)
            {
                return (outcome, attempt);
            }

            var delay = Math.Min(MaxRetryDelaySeconds, retryDelaySeconds * (1 << (attempt - 1)));
            await context.CreateTimer(TimeSpan.FromSeconds(delay), CancellationToken.None);
        }
    }

    /// <summary>
    /// Runs one layer of one day of a daily run: processing time is the run time, the trigger is the step's;
    /// <paramref name="version"/> is the feature version a features build writes.
    /// </summary>
    public static async Task<DailyLayerResult> RunDailyAsync(
        TaskOrchestrationContext context, string runId, DailyRunInput run, DailyStep step, Layer layer, string version)
    {
        // Features are always overwritten: a features day is a pure function of its staging window.
        var mode = step.Merge && layer != Layer.Features ? WriteMode.Merge : WriteMode.Overwrite;
        var item = new WorkItem(layer, step.Day);
        var (outcome, attempts) = await RunAsync(
            context,
            attempt => new WorkItemRequest(
                runId, item, version, mode, attempt, run.CodeVersion, run.ConfigHashes[version], run.AsOf, step.Trigger, run.BaselineAsOf),
            run.Retries,
            run.RetryDelaySeconds);
        return new DailyLayerResult(layer, outcome.Kind, outcome.Rows, attempts, outcome.Error, layer == Layer.Features ? version : null);
    }
}

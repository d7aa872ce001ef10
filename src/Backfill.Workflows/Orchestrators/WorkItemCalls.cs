using Backfill.Core.Daily;
using Backfill.Core.Layers;
using Backfill.Core.Planning;
using Backfill.Storage.Building;
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
    /// Runs one day's item: in one activity, or, for a dataset split into entity buckets, as a
    /// <see cref="BucketedDayOrchestrator"/> whose bucket steps take at most <paramref name="slots"/> of the run's cap.
    /// </summary>
    /// <returns>The day's outcome and the attempts made (for a bucketed day, 1: its steps count their own).</returns>
    public static async Task<(WorkItemOutcome Outcome, int Attempts)> RunDayAsync(
        TaskOrchestrationContext context, WorkItemRequest request, int retries, int retryDelaySeconds, int slots)
    {
        if (request.Buckets == 1)
        {
            return await RunAsync(context, attempt => request with { Attempt = attempt }, retries, retryDelaySeconds);
        }

        try
        {
            return (await context.CallSubOrchestratorAsync<WorkItemOutcome>(
                nameof(BucketedDayOrchestrator), new BucketedDayInput(request, retries, retryDelaySeconds, slots)), 1);
        }
        catch (TaskFailedException ex)
        {
            return (new WorkItemOutcome(WorkItemOutcomeKind.Transient, 0, 0, ex.FailureDetails.ErrorMessage), 1);
        }
    }

    /// <summary>The buckets of <paramref name="dataset"/> in a run's pinned layout.</summary>
    public static int BucketsOf(IReadOnlyDictionary<string, int>? buckets, string dataset) =>
        buckets is not null && buckets.TryGetValue(dataset, out var count) ? count : 1;

    /// <summary>
    /// Runs one layer of one day of a daily run: processing time is the run time, the trigger is the step's;
    /// <paramref name="version"/> is the feature version a features build writes.
    /// </summary>
    public static async Task<DailyLayerResult> RunDailyAsync(
        TaskOrchestrationContext context, string runId, DailyRunInput run, DailyStep step, Layer layer, string version, int slots)
    {
        // Features are always overwritten: a features day is a pure function of its staging window.
        var mode = step.Merge && layer != Layer.Features ? WriteMode.Merge : WriteMode.Overwrite;
        var item = new WorkItem(layer, step.Day);
        var (outcome, attempts) = await RunDayAsync(
            context,
            new WorkItemRequest(
                runId, item, version, mode, 1, run.CodeVersion, run.ConfigHashes[version], run.AsOf, step.Trigger, run.BaselineAsOf,
                BucketsOf(run.Buckets, Datasets.Of(layer, version))),
            run.Retries,
            run.RetryDelaySeconds,
            slots);
        return new DailyLayerResult(layer, outcome.Kind, outcome.Rows, attempts, outcome.Error, layer == Layer.Features ? version : null);
    }
}

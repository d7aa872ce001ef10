using Backfill.Core.Daily;
using Backfill.Core.Features;
using Backfill.Core.Landing;
using Backfill.Core.Layers;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Models;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;

namespace Backfill.Workflows.Orchestrators;

/// <summary>
/// The daily run for one scheduled day (instance id <c>daily-YYYY-MM-DD</c>). It plans from the durable
/// watermark, builds raw and staging of every day oldest first under the daily cap (one sub-orchestration per
/// day, so the history stays a few events per day), then the features those days feed, scans closed days
/// for beyond-watermark late data, and advances the watermark over contiguous committed days only.
/// </summary>
public sealed class DailyOrchestrator : TaskOrchestrator<DailyRunInput, DailyRunResult>
{
    /// <summary>The instance id prefix; the id is the prefix and the scheduled day.</summary>
    public const string IdPrefix = "daily-";

    /// <summary>The status of a run still working.</summary>
    public const string Running = "running";

    /// <summary>The status of a run whose every build succeeded.</summary>
    public const string Completed = "completed";

    /// <summary>The status of a finished run with a failed build (its day stays a gap when it is a daily or catchup day).</summary>
    public const string CompletedWithFailures = "completedWithFailures";

    /// <summary>The instance id of the daily run scheduled at <paramref name="asOf"/>: one per scheduled (UTC) day.</summary>
    public static string InstanceIdOf(DateTimeOffset asOf) => IdPrefix + new PartitionKey(DateOnly.FromDateTime(asOf.UtcDateTime));

    /// <inheritdoc />
    public override async Task<DailyRunResult> RunAsync(TaskOrchestrationContext context, DailyRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        // The baseline time is pinned when the run starts (replay gives the same first-episode time): every day it
        // builds is validated against what was live then, never against days this run publishes.
        input = input with { BaselineAsOf = input.BaselineAsOf ?? new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero) };
        var entity = new EntityInstanceId(nameof(DailyWatermarkEntity), input.Target);
        var state = await context.Entities.CallEntityAsync<DailyWatermarkState>(entity, nameof(DailyWatermarkEntity.Get));
        var options = new DailyOptions { LagDays = input.LagDays, RollingDays = input.RollingDays, Catchup = input.Catchup, MaxCatchupDays = input.MaxCatchupDays };
        var dependencies = new LayerDependencies(FeatureVersions.Get(input.Target).InputWindowDays);
        var committedDays = state.CommittedDays.ToHashSet();
        bool IsCommitted(PartitionKey day) => day <= state.Watermark || committedDays.Contains(day);

        var plan = DailyPlanner.Create(input.AsOf, state.Watermark, committedDays, options, dependencies);
        var steps = DailySteps.Of(plan, input.RepairLateBeyondWindow ? state.PendingRepairs : [], IsCommitted, dependencies);
        var layers = steps.ToDictionary(step => step.Day, _ => new List<DailyLayerResult>());
        DailyRunResult Progress(string status, PartitionKey? committed, IReadOnlyList<PartitionKey> queued) => new(
            input.AsOf, plan.Watermark, state.Watermark, committed, status,
            [.. steps.Select(step => new DailyDayResult(step.Day, step.Trigger, layers[step.Day], IsDayCommitted(step, layers[step.Day])))], queued);
        void Publish() => context.SetCustomStatus(Progress(Running, null, []));
        Publish();
        var taken = await DailyClaims.AcquireAsync(context, input.Target, steps);

        // Every staging day a features day reads is built before any features day starts.
        await RunCappedAsync(steps.Where(step => step.BuildsUpstream).ToList(), input.MaxParallel, async step =>
        {
            layers[step.Day].AddRange(await RunDayAsync(context, input, step));
            Publish();
        });
        await ClaimCalls.RenewAsync(context);
        var features = steps.Where(step => step.BuildsFeatures && (!step.BuildsUpstream || layers[step.Day].All(r => r.Succeeded))).ToList();
        await RunCappedAsync(features, input.MaxParallel, async step =>
        {
            layers[step.Day].Add(await WorkItemCalls.RunDailyAsync(context, context.InstanceId, input, step, Layer.Features));
            Publish();
        });

        var queued = await ScanAsync(context, input, plan, steps, IsCommitted);
        var commit = new DailyCommit(
            input.AsOf,
            [.. steps.Where(step => IsDayCommitted(step, layers[step.Day])).Select(step => step.Day)],
            [.. steps.Where(step => step.Trigger == RunTrigger.Repair && step.BuildsUpstream && layers[step.Day].All(r => r.Succeeded)).Select(step => step.Day)],
            input.RepairLateBeyondWindow ? queued : []);
        var after = await context.Entities.CallEntityAsync<DailyWatermarkState>(entity, nameof(DailyWatermarkEntity.Commit), commit);
        await DailyClaims.ReleaseAsync(context, taken);
        var failed = layers.Values.Any(results => results.Any(r => !r.Succeeded));
        var result = Progress(failed ? CompletedWithFailures : Completed, after.Watermark, queued);
        context.SetCustomStatus(result);
        return result;
    }

    private static bool IsDayCommitted(DailyStep step, List<DailyLayerResult> results) =>
        step.AdvancesWatermark && results.Count == 3 && results.All(r => r.Succeeded);

    private static async Task<IReadOnlyList<DailyLayerResult>> RunDayAsync(TaskOrchestrationContext context, DailyRunInput input, DailyStep step)
    {
        try
        {
            return await context.CallSubOrchestratorAsync<IReadOnlyList<DailyLayerResult>>(
                nameof(DailyDayOrchestrator), new DailyDayInput(context.InstanceId, input, step), new SubOrchestrationOptions { InstanceId = $"{context.InstanceId}-{step.Day}" });
        }
        catch (TaskFailedException ex)
        {
            return [new DailyLayerResult(Layer.Raw, WorkItemOutcomeKind.Transient, 0, 1, ex.Message)];
        }
    }

    private static async Task<IReadOnlyList<PartitionKey>> ScanAsync(
        TaskOrchestrationContext context, DailyRunInput input, DailyPlan plan, IReadOnlyList<DailyStep> steps, Func<PartitionKey, bool> isCommitted)
    {
        var rebuilt = steps.Where(step => step.BuildsUpstream).Select(step => step.Day).ToHashSet();
        var days = BeyondWindow.DaysToScan(plan.Watermark, input.RollingDays, ArrivalWindow.Default)
            .Where(day => isCommitted(day) && !rebuilt.Contains(day)).ToList();
        if (days.Count == 0)
        {
            return [];
        }

        try
        {
            return await context.CallActivityAsync<IReadOnlyList<PartitionKey>>(nameof(ScanLateArrivalsActivity), new LateScanRequest(input.Target, days, input.AsOf));
        }
        catch (TaskFailedException)
        {
            // The next run scans the same days again (they stay in its lookback), so nothing is lost.
            return [];
        }
    }

    // Starts the steps in order (oldest day first), at most `cap` at a time.
    private static async Task RunCappedAsync(IReadOnlyList<DailyStep> steps, int cap, Func<DailyStep, Task> run)
    {
        var inFlight = new List<Task>();
        foreach (var step in steps)
        {
            if (inFlight.Count >= cap)
            {
                inFlight.Remove(await Task.WhenAny(inFlight));
            }

            inFlight.Add(run(step));
        }

        await Task.WhenAll(inFlight);
    }
}

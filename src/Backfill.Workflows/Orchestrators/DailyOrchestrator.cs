using Backfill.Core.Daily;
using Backfill.Core.Features;
using Backfill.Core.Landing;
using Backfill.Core.Layers;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Alerts;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Models;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;

namespace Backfill.Workflows.Orchestrators;

/// <summary>
/// The daily run for one scheduled day (instance id <c>daily-YYYY-MM-DD</c>). It asks the version registry which
/// feature versions to build (every one not retired), plans each from its own durable watermark, builds raw and
/// staging of every day any version needs once, oldest first under the daily cap (one sub-orchestration per day, so
/// the history stays a few events per day), then each version's features days under the same cap, scans closed
/// days for beyond-watermark late data, and advances each version's watermark over contiguous committed days only.
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
    public static string InstanceIdOf(DateTimeOffset asOf) => IdPrefix + new Day(DateOnly.FromDateTime(asOf.UtcDateTime));

    /// <inheritdoc />
    public override async Task<DailyRunResult> RunAsync(TaskOrchestrationContext context, DailyRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        // The baseline time is pinned when the run starts (replay gives the same first-episode time): every day it
        // builds is validated against what was live then, never against days this run publishes.
        input = input with { BaselineAsOf = input.BaselineAsOf ?? new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero) };
        var options = new DailyOptions { LagDays = input.LagDays, RollingDays = input.RollingDays, Catchup = input.Catchup, MaxCatchupDays = input.MaxCatchupDays };

        // Every version the registry has not retired is built: the live one first, then candidates and retiring ones.
        var live = await VersionRegistryCalls.LiveAsync(context);
        var registry = await VersionRegistryCalls.CallAsync(
            context, nameof(VersionRegistryEntity.Advance), new VersionAdvance(live, Watermark.At(input.AsOf, input.LagDays), input.RetainDays));
        var versions = new List<DailyVersionRun>();
        foreach (var entry in registry.Built)
        {
            var state = await context.Entities.CallEntityAsync<DailyWatermarkState>(
                new EntityInstanceId(nameof(DailyWatermarkEntity), entry.Version), nameof(DailyWatermarkEntity.Get));
            versions.Add(new DailyVersionRun(entry, state, input.AsOf, options, input.RepairLateBeyondWindow));
        }

        var primary = versions[0];
        var plan = primary.Plan;

        // Raw and staging once for every version; then each version's features.
        var upstreamSteps = SharedSteps.Upstream(versions.Select(version => version.Steps));
        versions.ForEach(version => version.Share(upstreamSteps));
        var upstream = upstreamSteps.ToDictionary(step => step.Day, _ => new List<DailyLayerResult>());
        var days = upstreamSteps.Concat(versions.SelectMany(version => version.FeaturesSteps))
            .GroupBy(step => step.Day).Select(day => day.First()).OrderBy(step => step.Day).ToList();
        DailyRunResult Progress(string status, Day? committed, IReadOnlyList<Day> queued) => new(
            input.AsOf, plan.Watermark, primary.State.Watermark, committed, status,
            [.. days.Select(step => new DailyDayResult(step.Day, step.Trigger, LayersOf(step.Day), IsDayCommitted(step.Day)))], queued);
        IReadOnlyList<DailyLayerResult> UpstreamOf(Day day) => upstream.TryGetValue(day, out var results) ? results : [];
        List<DailyLayerResult> LayersOf(Day day) =>
            [.. UpstreamOf(day), .. versions.Where(v => v.Results.ContainsKey(day)).Select(v => v.Results[day])];
        bool IsDayCommitted(Day day)
        {
            var advancing = versions.Where(v => v.Steps.Any(step => step.Day == day && step.AdvancesWatermark)).ToList();
            return advancing.Count > 0 && advancing.All(v => v.IsDayCommitted(day, UpstreamOf(day)));
        }

        void Publish() => context.SetCustomStatus(Progress(Running, null, []));
        Publish();
        var taken = await DailyClaims.AcquireAsync(context, upstreamSteps, versions);

        // Every staging day a features day reads is built before any features day starts.
        await RunCappedAsync(upstreamSteps, input.MaxParallel, async step =>
        {
            upstream[step.Day].AddRange(await RunDayAsync(context, input, step, SlotsPerItem(input.MaxParallel, upstreamSteps.Count)));
            Publish();
        });
        await ClaimCalls.RenewAsync(context);
        var features = versions
            .SelectMany(version => version.FeaturesSteps.Select(step => (Version: version, Step: step)))
            .Where(item => UpstreamOf(item.Step.Day).All(r => r.Succeeded))
            .OrderBy(item => item.Step.Day)
            .ToList();
        await RunCappedAsync(features, input.MaxParallel, async item =>
        {
            item.Version.Results[item.Step.Day] = await WorkItemCalls.RunDailyAsync(
                context, context.InstanceId, input, item.Step, Layer.Features, item.Version.Version, SlotsPerItem(input.MaxParallel, features.Count));
            Publish();
        });

        var queued = await ScanAsync(context, input, plan, upstreamSteps, primary.IsCommitted);
        Day? committedWatermark = null;
        var stalled = new List<AlertRequest>();
        foreach (var version in versions)
        {
            var commit = new DailyCommit(
                input.AsOf,
                [.. version.Steps.Where(step => version.IsDayCommitted(step.Day, UpstreamOf(step.Day))).Select(step => step.Day)],
                [.. version.Steps.Where(step => step.Trigger == RunTrigger.Repair && step.BuildsUpstream && UpstreamOf(step.Day).All(r => r.Succeeded)).Select(step => step.Day)],
                input.RepairLateBeyondWindow ? queued : [],
                plan.Watermark);
            var after = await context.Entities.CallEntityAsync<DailyWatermarkState>(version.Entity, nameof(DailyWatermarkEntity.Commit), commit);
            if (version == primary)
            {
                committedWatermark = after.Watermark;
            }

            if (DailyAlerts.Stalled(version.Version, after.Watermark, plan.Watermark, input.WatermarkStallDays, context.InstanceId) is { } stall)
            {
                stalled.Add(stall);
            }
        }

        await DailyClaims.ReleaseAsync(context, taken);
        var failures = upstream.SelectMany(day => day.Value.Where(r => !r.Succeeded).Select(r => (Day: day.Key, Dataset: r.Layer.ToString().ToLowerInvariant())))
            .Concat(versions.SelectMany(v => v.Results.Where(r => !r.Value.Succeeded).Select(r => (Day: r.Key, Dataset: v.Version))))
            .ToList();
        if (failures.Count > 0)
        {
            var oldest = failures.MinBy(failure => failure.Day);
            await AlertCalls.RaiseAsync(context, DailyAlerts.RunFailed(oldest.Dataset, oldest.Day, failures.Count, context.InstanceId));
        }

        foreach (var stall in stalled)
        {
            await AlertCalls.RaiseAsync(context, stall);
        }

        var result = Progress(failures.Count > 0 ? CompletedWithFailures : Completed, committedWatermark, queued);
        context.SetCustomStatus(result);
        return result;
    }

    // The cap's share of each item in flight: a day split into buckets runs that many bucket steps at once, so the
    // run's activities in flight stay within its cap however many days run together.
    private static int SlotsPerItem(int cap, int items) => Math.Max(1, cap / Math.Max(1, Math.Min(cap, items)));

    private static async Task<IReadOnlyList<DailyLayerResult>> RunDayAsync(TaskOrchestrationContext context, DailyRunInput input, DailyStep step, int slots)
    {
        try
        {
            return await context.CallSubOrchestratorAsync<IReadOnlyList<DailyLayerResult>>(
                nameof(DailyDayOrchestrator), new DailyDayInput(context.InstanceId, input, step, slots), new SubOrchestrationOptions { InstanceId = $"{context.InstanceId}-{step.Day}" });
        }
        catch (TaskFailedException ex)
        {
            return [new DailyLayerResult(Layer.Raw, WorkItemOutcomeKind.Transient, 0, 1, ex.Message)];
        }
    }

    private static async Task<IReadOnlyList<Day>> ScanAsync(
        TaskOrchestrationContext context, DailyRunInput input, DailyPlan plan, IReadOnlyList<DailyStep> steps, Func<Day, bool> isCommitted)
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
            return await context.CallActivityAsync<IReadOnlyList<Day>>(nameof(ScanLateArrivalsActivity), new LateScanRequest(days, input.AsOf));
        }
        catch (TaskFailedException ex)
        {
            // The next run scans the same days again (they stay in its lookback), so nothing is lost; but say so.
            await AlertCalls.RaiseAsync(context, LateDataAlerts.Unrecorded(days[0], "the beyond-watermark scan", ex.Message, context.InstanceId));
            return [];
        }
    }

    // Starts the items in order (oldest day first), at most `cap` at a time: one cap over every version's items.
    private static async Task RunCappedAsync<T>(IReadOnlyList<T> items, int cap, Func<T, Task> run)
    {
        var inFlight = new List<Task>();
        foreach (var step in items)
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

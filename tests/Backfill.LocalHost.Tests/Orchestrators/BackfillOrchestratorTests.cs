using System.Text.Json;
using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using Backfill.Core.Versioning;
using Backfill.LocalHost.Tests.Engine;
using Backfill.Storage.Alerts;
using Backfill.Storage.Backfills;
using Backfill.Storage.Commits;
using Backfill.Testing;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Alerts;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using DurableTask.AzureStorage;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Attempt = (Backfill.Workflows.Models.WorkItemRequest Request, System.DateTimeOffset Start, System.DateTimeOffset End);

namespace Backfill.LocalHost.Tests.Orchestrators;

/// <summary>
/// The backfill orchestration on the real engine and Azurite, with a scripted runner standing in
/// for the data plane so the tests control durations and failures and can measure what ran when.
/// </summary>
public sealed class BackfillOrchestratorTests(AzuriteFixture azurite)
{
    private static readonly Layer[] AllLayers = BackfillRuns.AllLayers;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static BackfillSpec Spec(string partitions, int maxParallel, int window = 3, string? codeVersion = null, bool failFast = false, string target = "features_v1") =>
        BackfillRuns.Spec(partitions, maxParallel, window, codeVersion, failFast, target);

    private static BackfillState Start(BackfillSpec spec) => BackfillRuns.Start(spec);

    private static int DurationOf(WorkItem item) => 100 + (item.GetHashCode() & 0x7fffffff) % 300;

    private async Task<(EngineHost Host, ScriptedWorkItemRunner Runner)> StartHostAsync(Func<WorkItem, int>? durations = null)
    {
        var runner = new ScriptedWorkItemRunner(durations ?? DurationOf);
        var host = await EngineHost.StartAsync(azurite.ConnectionString, TaskHubNames.New(), s => s.AddSingleton<IWorkItemRunner>(runner));
        return (host, runner);
    }

    // The scripted runner behind a gate that holds the items a test picks.
    private async Task<(EngineHost Host, ScriptedWorkItemRunner Runner, WorkItemGate Gate)> StartGatedHostAsync(Func<WorkItem, int> durations)
    {
        var runner = new ScriptedWorkItemRunner(durations);
        var gate = new WorkItemGate(runner);
        var host = await EngineHost.StartAsync(azurite.ConnectionString, TaskHubNames.New(), s => s.AddSingleton<IWorkItemRunner>(gate));
        return (host, runner, gate);
    }

    private static Task<BackfillProgress> CompletedAsync(DurableTaskClient client, string id) => BackfillRuns.CompletedAsync(client, id);

    private static Task<BackfillProgress> WaitForStatusAsync(DurableTaskClient client, string id, Func<BackfillProgress, bool> until, string? what = null) =>
        BackfillRuns.WaitForStatusAsync(client, id, until, what);

    [Fact]
    public async Task Run_TwelveDaysThreeLayersCapThree_EveryItemOnceWithinCapInDependencyOrder()
    {
        var (host, runner) = await StartHostAsync();
        await using var _ = host;
        var spec = Spec("2025-01-01..2025-01-12", maxParallel: 3);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BackfillOrchestrator), Start(spec), Cancel);
        var progress = await CompletedAsync(host.Client, id);

        Assert.Equal(BackfillStatus.Completed, progress.Status);
        Assert.Equal(new BackfillCounts(36, 0, 0, 36, 0, 0, 0), progress.Counts);
        Assert.Equal(36, runner.Attempts.Select(a => a.Request.Item).Distinct().Count());
        Assert.Equal(36, runner.Attempts.Count);
        Assert.InRange(runner.MaxOverlap(), 2, 3);
        var plan = Planner.Create(PartitionSetParser.Parse(spec.Partitions, new PartitionSetParseOptions()), AllLayers, new LayerDependencies(3), PartitionOrder.Ascending);
        var ran = runner.Attempts.ToDictionary(a => a.Request.Item);
        Assert.All(plan.Items, item => Assert.All(plan.DependsOn[item], dependency => Assert.True(
            ran[dependency].End <= ran[item].Start, $"{item} started before {dependency} finished")));
    }

    [Fact]
    public async Task Run_BucketedDays_BucketStepsStayWithinTheCapAndEachDayPublishesOnceAfterItsBuckets()
    {
        var (host, runner) = await StartHostAsync(_ => 150);
        await using var _ = host;
        var buckets = new Dictionary<string, int> { ["raw"] = 4, ["staging"] = 2, ["features_v1"] = 8 };
        var spec = Spec("2025-02-01..2025-02-04", maxParallel: 3) with { Buckets = buckets };

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BackfillOrchestrator), Start(spec), Cancel);
        var progress = await CompletedAsync(host.Client, id);

        Assert.Equal(new BackfillCounts(12, 0, 0, 12, 0, 0, 0), progress.Counts);
        Assert.InRange(runner.MaxOverlap(), 2, 3);
        Assert.Contains(runner.Attempts, a => a.Request.Step?.Kind == BucketStepKind.Resolve);
        foreach (var day in runner.Attempts.GroupBy(a => a.Request.Item))
        {
            var count = buckets.GetValueOrDefault(day.Key.Layer == Layer.Raw ? "raw" : day.Key.Layer == Layer.Staging ? "staging" : "features_v1", 1);
            var steps = day.ToList();
            if (count == 1)
            {
                Assert.Null(Assert.Single(steps).Request.Step);
                continue;
            }

            var (pin, stages) = AssertOneRound(steps, count);

            // A staging day exchanges its event ids first: every bucket's ids, then every id range's resolve, then the stages.
            var ids = steps.Where(s => s.Request.Step!.Kind == BucketStepKind.Ids).ToList();
            var resolves = steps.Where(s => s.Request.Step!.Kind == BucketStepKind.Resolve).ToList();
            var exchanged = day.Key.Layer == Layer.Staging ? Enumerable.Range(0, count) : [];
            Assert.Equal(exchanged, ids.Select(s => s.Request.Step!.Bucket).Order());
            Assert.Equal(exchanged, resolves.Select(s => s.Request.Step!.Bucket).Order());
            Assert.All(ids, i => Assert.All(resolves, r => Assert.True(pin.End <= i.Start && i.End <= r.Start, $"{day.Key} resolved before its ids were sent")));
            Assert.All(resolves, r => Assert.All(stages, s => Assert.True(r.End <= s.Start, $"{day.Key} staged before its id ranges were resolved")));
            Assert.All(steps, s => Assert.Equal(count, s.Request.Buckets));
        }
    }

    // One commit per day: pinned first, every bucket staged once, then one publish.
    private static (Attempt Pin, List<Attempt> Stages) AssertOneRound(List<Attempt> steps, int buckets)
    {
        Assert.Single(steps.Select(s => s.Request.Step!.CommitId).Distinct());
        var pin = Assert.Single(steps, s => s.Request.Step!.Kind == BucketStepKind.Pin);
        var publish = Assert.Single(steps, s => s.Request.Step!.Kind == BucketStepKind.Publish);
        var stages = steps.Where(s => s.Request.Step!.Kind == BucketStepKind.Stage).ToList();
        Assert.Equal(Enumerable.Range(0, buckets), stages.Select(s => s.Request.Step!.Bucket).Order());
        Assert.All(stages, s => Assert.True(pin.End <= s.Start && s.End <= publish.Start, $"{s.Request.Item} bucket {s.Request.Step!.Bucket} ran outside pin → publish"));
        return (pin, stages);
    }

    [Fact]
    public async Task Run_OneBucketFails_TheDayFailsUnpublishedStartsNoMoreBucketsAndBlocksItsReaders()
    {
        var (host, runner) = await StartHostAsync(_ => 500);
        await using var _ = host;
        var failing = new WorkItem(Layer.Staging, Day.Parse("2025-02-02"));
        runner.BucketFailures[(failing, 1)] = "validation failed: key_uniqueness";
        var spec = Spec("2025-02-01..2025-02-02", maxParallel: 2) with { Buckets = new Dictionary<string, int> { ["staging"] = 8 } };

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BackfillOrchestrator), Start(spec), Cancel);
        var progress = await CompletedAsync(host.Client, id);

        Assert.Equal(BackfillStatus.CompletedWithFailures, progress.Status);
        Assert.Equal((1, 1), (progress.Counts.Failed, progress.Counts.Blocked));
        Assert.DoesNotContain(runner.Attempts, a => a.Request.Item == failing && a.Request.Step!.Kind == BucketStepKind.Publish);

        // Two slots: buckets 0 and 1 started, bucket 1 failed (validation is not retried), and buckets 2..7 never started.
        Assert.Equal([0, 1], runner.Attempts.Where(a => a.Request.Item == failing && a.Request.Step!.Kind == BucketStepKind.Stage).Select(a => a.Request.Step!.Bucket).Distinct().Order());
        var record = (await host.Services.GetRequiredService<BackfillItemStore>().ReadAsync(id, Cancel))[failing.Id];
        Assert.Equal("bucket 1 of 8: validation failed: key_uniqueness", record.Error);

        // Expanded, the day shows each step it ran: the pin, its id exchange and bucket 0 succeeded, bucket 1 failed,
        // nothing else ran.
        var steps = await host.Services.GetRequiredService<BackfillItemStore>().ReadStepsAsync(id, failing.Id, Cancel);
        Assert.Equal(
            ["bucket=000", "bucket=001", .. Enumerable.Range(0, 8).Select(b => $"ids={b:D3}"), "pin", .. Enumerable.Range(0, 8).Select(r => $"resolve={r:D3}")],
            steps.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("succeeded", "succeeded", "failed"), (steps["pin"].Outcome, steps["bucket=000"].Outcome, steps["bucket=001"].Outcome));
        Assert.Equal(record.Error, steps["bucket=001"].Error);
        var output = (await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, Cancel))!.ReadOutputAs<BackfillProgress>()!;
        Assert.Equal(BackfillStatus.CompletedWithFailures, output.Status);
    }

    [Fact]
    public async Task Run_PublishFindsTheDayMoved_StartsTheDayAgainFromFreshPinsWithoutRetryingThePublish()
    {
        var (host, runner) = await StartHostAsync(_ => 30);
        await using var _ = host;
        var moved = new WorkItem(Layer.Raw, Day.Parse("2025-02-01"));
        runner.MovedPublishes[moved] = 1;
        var spec = Spec("2025-02-01", maxParallel: 2) with { Buckets = new Dictionary<string, int> { ["raw"] = 2 } };

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BackfillOrchestrator), Start(spec), Cancel);
        var progress = await CompletedAsync(host.Client, id);

        Assert.Equal(BackfillStatus.Completed, progress.Status);
        var rounds = runner.Attempts.Where(a => a.Request.Item == moved).GroupBy(a => a.Request.Step!.CommitId).ToList();
        Assert.Equal(2, rounds.Count);
        Assert.All(rounds, round => Assert.Equal(
            [BucketStepKind.Pin, BucketStepKind.Stage, BucketStepKind.Stage, BucketStepKind.Publish],
            round.Select(a => a.Request.Step!.Kind).Order()));
    }

    [Fact]
    public async Task Run_BucketedDayOfMoreStepsThanOneGeneration_ContinuesAsNewAndRunsEachStepOnce()
    {
        var (host, runner) = await StartHostAsync(_ => 0);
        await using var _ = host;
        // A pin, twice a generation's stages and a publish: three generations, two boundaries inside the stages.
        var buckets = 2 * BucketedDayOrchestrator.StepsPerGeneration;
        var day = new WorkItem(Layer.Raw, Day.Parse("2025-02-01"));
        var spec = Spec("2025-02-01", maxParallel: 16) with { Layers = [Layer.Raw], Buckets = new Dictionary<string, int> { ["raw"] = buckets } };

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BackfillOrchestrator), Start(spec), Cancel);
        var progress = await CompletedAsync(host.Client, id);

        Assert.Equal(BackfillStatus.Completed, progress.Status);
        var steps = runner.Attempts.Where(a => a.Request.Item == day).ToList();
        AssertOneRound(steps, buckets);

        // The day's last generation started from where the one before stopped, and ran at most a generation's steps.
        string? dayId = null;
        await foreach (var instance in host.Client.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 100 }))
        {
            dayId = instance.Name == nameof(BucketedDayOrchestrator) ? instance.InstanceId : dayId;
        }

        using var history = JsonDocument.Parse(
            await host.Services.GetRequiredService<AzureStorageOrchestrationService>().GetOrchestrationHistoryAsync(dayId!, null));
        var events = history.RootElement.EnumerateArray().ToList();
        var input = JsonSerializer.Deserialize<BucketedDayInput>(
            events.Single(e => e.GetProperty("EventType").GetInt32() == (int)EventType.ExecutionStarted).GetProperty("Input").GetString()!, JsonSerializerOptions.Web);
        Assert.NotNull(input!.Position);
        Assert.InRange(events.Count(e => e.GetProperty("EventType").GetInt32() == (int)EventType.TaskScheduled), 1, BucketedDayOrchestrator.StepsPerGeneration);
    }

    [Fact]
    public async Task Run_3660DaysThreeLayers_CustomStatusWithinAzuresLimit()
    {
        // Items hold their slots, so the status carries every running item; the plan is the largest a request may name.
        var (host, _) = await StartHostAsync(_ => 15_000);
        await using var _ = host;
        var first = Day.Parse("2010-01-01");
        var spec = Spec($"{first}..{first.AddDays(PartitionSetParseOptions.DefaultMaxDays - 1)}", maxParallel: 64, window: 28, target: "features_v2");

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BackfillOrchestrator), Start(spec), Cancel);
        var progress = await WaitForStatusAsync(host.Client, id, p => p.Running.Count > 0);
        var status = (await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, Cancel))!.SerializedCustomStatus!;
        await host.Client.TerminateInstanceAsync(id, "measured", Cancel);

        Assert.Equal(PartitionSetParseOptions.DefaultMaxDays * AllLayers.Length, progress.Counts.Total);
        Assert.Null(progress.Items);
        // Azure's limit: 16 KB of UTF-16 text.
        Assert.True(status.Length < 8_192, $"custom status is {status.Length} chars");
    }

    [Fact]
    public async Task Run_TransientThenPermanentFailures_RetriesThenBlocksDependents()
    {
        var (host, runner) = await StartHostAsync(_ => 50);
        await using var _ = host;
        var flaky = new WorkItem(Layer.Raw, Day.Parse("2025-02-02"));
        var broken = new WorkItem(Layer.Staging, Day.Parse("2025-02-03"));
        runner.TransientFailures[flaky] = 2;
        runner.PermanentFailures[broken] = "validation failed: row_count_bounds";

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BackfillOrchestrator), Start(Spec("2025-02-01..2025-02-04", 2, window: 2)), Cancel);
        var progress = await CompletedAsync(host.Client, id);

        Assert.Equal(BackfillStatus.CompletedWithFailures, progress.Status);
        Assert.Equal([1, 2, 3], runner.Attempts.Where(a => a.Request.Item == flaky).Select(a => a.Request.Attempt).Order());
        Assert.Single(runner.Attempts, a => a.Request.Item == broken);
        // features(02-03) and features(02-04) read staging(02-03) with a 2-day window.
        Assert.Equal(new BackfillCounts(12, 0, 0, 9, 1, 2, 0), progress.Counts);
        Assert.DoesNotContain(runner.Attempts, a => a.Request.Item.Layer == Layer.Features && a.Request.Item.Partition >= Day.Parse("2025-02-03"));
    }

    [Fact]
    public async Task Run_ItemFailsOnceThenSucceeds_ItsRowKeepsBothAttempts()
    {
        var (host, runner) = await StartHostAsync(_ => 20);
        await using var _ = host;
        var flaky = new WorkItem(Layer.Staging, Day.Parse("2025-02-21"));
        runner.TransientFailures[flaky] = 1;

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BackfillOrchestrator), Start(Spec("2025-02-21", 1, window: 1)), Cancel);
        var progress = await CompletedAsync(host.Client, id);
        var rows = await host.Services.GetRequiredService<BackfillItemStore>().ReadAsync(id, Cancel);

        Assert.Equal(BackfillStatus.Completed, progress.Status);
        var log = rows[flaky.Id].AttemptLog!;
        Assert.Equal([(1, "transient"), (2, "succeeded")], log.Select(a => (a.Attempt, a.Outcome)));
        Assert.Contains("injected transient failure 1", log[0].Error, StringComparison.Ordinal);
        Assert.Null(log[1].Error);
        Assert.All(log, a => Assert.True(a.StartedAt <= a.FinishedAt));
        Assert.True(log[0].FinishedAt <= log[1].StartedAt);
        Assert.Single(rows[$"raw/2025-02-21"].AttemptLog!);
    }

    [Fact]
    public async Task Run_FailFast_StopsStartingItemsAfterFirstFailure()
    {
        var (host, runner) = await StartHostAsync(_ => 200);
        await using var _ = host;
        runner.PermanentFailures[new WorkItem(Layer.Raw, Day.Parse("2025-03-01"))] = "boom";

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BackfillOrchestrator), Start(Spec("2025-03-01..2025-03-10", 1, failFast: true)), Cancel);
        var progress = await CompletedAsync(host.Client, id);

        Assert.Equal(BackfillStatus.Failed, progress.Status);
        Assert.Contains("raw/2025-03-01", progress.Reason, StringComparison.Ordinal);
        Assert.Single(runner.Attempts);
    }

    [Fact]
    public async Task Cancel_MidRun_FinishesInFlightAndStartsNothingNew()
    {
        var (host, runner, gate) = await StartGatedHostAsync(_ => 100);
        await using var _ = host;
        const int maxParallel = 2;
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BackfillOrchestrator), Start(Spec("2025-04-01..2025-04-20", maxParallel)), Cancel);
        await WaitForStatusAsync(host.Client, id, p => p.Counts.Succeeded >= 2, "two items succeeded");

        // Once every slot holds an item at the gate, nothing finishes, so nothing more is started until the gate opens.
        gate.Hold(_ => true);
        await Eventually.UntilAsync($"{maxParallel} items held at the gate", _ => Task.FromResult(gate.Held), held => held == maxParallel);
        await host.Client.RaiseEventAsync(id, BackfillEvents.Cancel, true, Cancel);
        await WaitForStatusAsync(host.Client, id, p => p.Status == BackfillStatus.Canceling, "the cancel taken");
        var arrivedBeforeTheCancel = gate.Arrived.Count;
        gate.Open();
        var progress = await CompletedAsync(host.Client, id);

        Assert.Equal(BackfillStatus.Canceled, progress.Status);
        Assert.True(progress.Counts.Pending > 0);
        Assert.Equal(0, progress.Counts.Running);
        // The held items finished; no attempt reached the runner after the orchestration took the cancel.
        Assert.Equal(arrivedBeforeTheCancel, gate.Arrived.Count);
        Assert.Equal(progress.Counts.Succeeded, runner.Attempts.Count);
    }

    [Fact]
    public async Task SetMaxParallel_ThreeToOne_LaterItemsRunAlone()
    {
        var (host, runner, gate) = await StartGatedHostAsync(_ => 300);
        await using var _ = host;
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BackfillOrchestrator), Start(Spec("2025-05-01..2025-05-10", 3, window: 1)), Cancel);
        await WaitForStatusAsync(host.Client, id, p => p.Counts.Succeeded >= 3, "three items succeeded");

        // The change lands while three items wait at the gate, so every attempt that arrives after it was started under it.
        gate.Hold(_ => true);
        await Eventually.UntilAsync("3 items held at the gate", _ => Task.FromResult(gate.Held), held => held == 3);
        await host.Client.RaiseEventAsync(id, BackfillEvents.SetMaxParallel, 1, Cancel);
        await WaitForStatusAsync(host.Client, id, p => p.MaxParallel == 1, "max parallel 1");
        var arrivedBefore = gate.Arrived.Count;
        gate.Open();
        var progress = await CompletedAsync(host.Client, id);

        Assert.Equal(BackfillStatus.Completed, progress.Status);
        Assert.Equal(1, progress.MaxParallel);
        var later = gate.Arrived.Skip(arrivedBefore).ToHashSet();
        var after = runner.Attempts.Where(a => later.Contains(a.Request)).ToList();
        Assert.NotEmpty(after);
        Assert.All(after, late => Assert.Equal(1, runner.Attempts.Count(a => a.Start < late.End && late.Start < a.End)));
    }

    [Fact]
    public async Task Register_OverlappingActiveBackfill_IsRejectedWithItsId()
    {
        var (host, _) = await StartHostAsync(_ => 500);
        await using var __ = host;
        var first = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BackfillOrchestrator), Start(Spec("2025-06-01..2025-06-10", 1)), Cancel);
        await WaitForStatusAsync(host.Client, first, p => p.Status == BackfillStatus.Running);

        var second = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BackfillOrchestrator), Start(Spec("2025-06-10..2025-06-12", 1)), Cancel);
        // Another feature version's features layer writes no partition the first holds (raw and staging are shared).
        var other = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(BackfillOrchestrator), Start(Spec("2025-06-10..2025-06-12", 1, target: "features_v2") with { Layers = [Layer.Features] }), Cancel);
        var rejected = await CompletedAsync(host.Client, second);
        await host.Client.RaiseEventAsync(first, BackfillEvents.Cancel, true, Cancel);
        await CompletedAsync(host.Client, first);
        var afterRelease = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BackfillOrchestrator), Start(Spec("2025-06-10", 1)), Cancel);

        Assert.Equal(BackfillStatus.Rejected, rejected.Status);
        Assert.Equal(first, rejected.ConflictWith);
        Assert.Equal(BackfillStatus.Completed, (await CompletedAsync(host.Client, other)).Status);
        Assert.Equal(BackfillStatus.Completed, (await CompletedAsync(host.Client, afterRelease)).Status);
    }

    [Fact]
    public async Task CodeVersionMismatch_PausesUntilResumedWithAcceptedVersion()
    {
        var (host, runner) = await StartHostAsync(_ => 50);
        await using var _ = host;
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(BackfillOrchestrator), Start(Spec("2025-07-01..2025-07-02", 2, codeVersion: "0.0.1+older")), Cancel);

        var paused = await WaitForStatusAsync(host.Client, id, p => p.Status == BackfillStatus.Paused);
        Assert.Empty(runner.Attempts);
        Assert.Equal($"code version changed mid-backfill: pinned 0.0.1+older, running {CodeVersion.Current.Value}", paused.Reason);

        await host.Client.RaiseEventAsync(id, BackfillEvents.Resume, CodeVersion.Current.Value, Cancel);
        var progress = await CompletedAsync(host.Client, id);

        Assert.Equal(BackfillStatus.Completed, progress.Status);
        Assert.Equal(6, runner.Attempts.Count);
        // Both raw items found the version changed: one pause, one alert.
        var alert = Assert.Single(await AlertsOfAsync(host, id));
        Assert.Equal((AlertKinds.BackfillPaused, AlertSeverity.Warning), (alert.Kind, alert.Severity));
    }

    [Fact]
    public async Task Run_ItemExhaustsItsRetries_AlertsItemFailedOnceForThatItem()
    {
        var (host, runner) = await StartHostAsync(_ => 20);
        await using var _ = host;
        var doomed = new WorkItem(Layer.Staging, Day.Parse("2025-02-12"));
        runner.TransientFailures[doomed] = int.MaxValue;

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BackfillOrchestrator), Start(Spec("2025-02-11..2025-02-12", 2, window: 1)), Cancel);
        var progress = await CompletedAsync(host.Client, id);

        Assert.Equal(BackfillStatus.CompletedWithFailures, progress.Status);
        var alert = Assert.Single(await AlertsOfAsync(host, id));
        Assert.Equal((AlertKinds.ItemFailed, "staging", "2025-02-12"), (alert.Kind, alert.Dataset, alert.Partition));
        Assert.Contains("injected transient failure", alert.Message, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<AlertRecord>> AlertsOfAsync(EngineHost host, string runId) =>
        [.. (await host.Services.GetRequiredService<AlertStore>().ListAsync(null, null, 1000, Cancel)).Where(a => a.RunId == runId)];

    [Fact]
    public async Task Run_MoreItemsThanOneGeneration_ContinuesAsNewAndRunsEachItemOnce()
    {
        var (host, runner) = await StartHostAsync(_ => 0);
        await using var _ = host;
        // An eighth more items than one generation finishes: the run needs exactly one more.
        var days = BackfillOrchestrator.GenerationSize * 9 / 8 / AllLayers.Length;
        var first = Day.Parse("2024-01-01");
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(BackfillOrchestrator), Start(Spec($"{first}..{first.AddDays(days - 1)}", 16, window: 2)), Cancel);

        var progress = await CompletedAsync(host.Client, id);

        Assert.Equal(BackfillStatus.Completed, progress.Status);
        Assert.Equal(days * AllLayers.Length, progress.Counts.Succeeded);
        Assert.Equal(1, progress.Generation);
        Assert.Equal(days * AllLayers.Length, runner.Attempts.Count);
    }
}

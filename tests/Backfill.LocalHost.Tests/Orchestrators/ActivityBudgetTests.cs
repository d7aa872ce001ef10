using System.Globalization;
using Backfill.Core.Planning;
using Backfill.Core.Scheduling;
using Backfill.LocalHost.Tests.Engine;
using Backfill.Testing;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Backfill.LocalHost.Tests.Orchestrators.BackfillRuns;

namespace Backfill.LocalHost.Tests.Orchestrators;

/// <summary>
/// The global activity budget on the real engine and Azurite: backfills never have more activities in flight than
/// their grant, so the daily run's activities find free slots instead of queueing behind theirs. A scripted runner
/// stands in for the data plane (every work item, daily or backfill, holds its slot for <see cref="ItemMs"/>) and
/// records real start and end times; a gate in front of it holds a backfill's items while a daily run must end.
/// </summary>
public sealed class ActivityBudgetTests(AzuriteFixture azurite)
{
    private const int ItemMs = 300;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(EngineHost Host, ScriptedWorkItemRunner Runner, WorkItemGate Gate)> StartHostAsync(int budget, int reserved, int? dailyCap = null)
    {
        var runner = new ScriptedWorkItemRunner(_ => ItemMs);
        var gate = new WorkItemGate(runner);
        var host = await EngineHost.StartAsync(
            azurite.ConnectionString,
            TaskHubNames.New(),
            s => s.AddSingleton<IWorkItemRunner>(gate),
            new Dictionary<string, string?>
            {
                ["Backfill:ActivityBudget"] = budget.ToString(CultureInfo.InvariantCulture),
                ["DurableEngine:MaxConcurrentActivities"] = budget.ToString(CultureInfo.InvariantCulture),
                ["Daily:ReservedSlots"] = reserved.ToString(CultureInfo.InvariantCulture),
                ["Daily:MaxParallel"] = (dailyCap ?? reserved).ToString(CultureInfo.InvariantCulture),
                ["Daily:TimerEnabled"] = "false",
                ["Backfill:RetryDelaySeconds"] = "1",
            });
        return (host, runner, gate);
    }

    private static bool IsDaily(WorkItemRequest request) => request.BackfillId.StartsWith(DailyOrchestrator.IdPrefix, StringComparison.Ordinal);

    // The daily run's deadline is generous (a loaded CI machine), but it ends only if its items find free slots.
    private static async Task<OrchestrationMetadata> DailyRunAsync(EngineHost host, DateTimeOffset asOf)
    {
        var (id, created) = await host.Services.GetRequiredService<DailyRunStarter>().StartAsync(host.Client, asOf, Cancel);
        Assert.True(created);
        var done = await Orchestrations.EndedAsync(host.Client, id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(DailyOrchestrator.Completed, done.ReadOutputAs<DailyRunResult>()!.Status);
        return done;
    }

    private static async Task<IReadOnlyDictionary<string, BudgetGrant>> GrantsAsync(DurableTaskClient client, CancellationToken cancellationToken) =>
        (await client.Entities.GetEntityAsync<ActivityBudgetState>(ActivityBudgetEntity.Global, includeState: true, cancellationToken))?.State.Grants
        ?? new Dictionary<string, BudgetGrant>();

    // Release is a signal: poll until the entity processed it.
    private static async Task WaitForNoGrantsAsync(DurableTaskClient client) =>
        await Eventually.UntilAsync("no backfill to hold a grant of the activity budget", cancellationToken => GrantsAsync(client, cancellationToken), grants => grants.Count == 0, TimeSpan.FromMinutes(2));

    private static List<(DateTimeOffset Start, DateTimeOffset End)> AttemptsOf(ScriptedWorkItemRunner runner, Func<string, bool> run) =>
        [.. runner.Attempts.Where(a => run(a.Request.BackfillId)).Select(a => (a.Start, a.End))];

    [Fact]
    public async Task Start_BudgetAboveTheHostsActivityCeiling_FailsNamingBothSettings()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => EngineHost.StartAsync(
            azurite.ConnectionString, TaskHubNames.New(), settings: new Dictionary<string, string?>
            {
                ["Backfill:ActivityBudget"] = "8",
                ["DurableEngine:MaxConcurrentActivities"] = "4",
            }));

        Assert.Contains("Backfill:ActivityBudget must be at most DurableEngine:MaxConcurrentActivities", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailyRun_WhileABackfillWantingTheWholeBudgetHoldsItsItems_CompletesInTheReservedSlots()
    {
        var (host, runner, gate) = await StartHostAsync(budget: 4, reserved: 2);
        await using var _ = host;
        // The backfill's items wait at the gate until the daily run ended: had it been granted the whole budget, the
        // engine's every activity slot would be held and the daily run could never end.
        gate.Hold(request => !IsDaily(request));
        var backfill = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(BackfillOrchestrator), Start(Spec("2044-01-01..2044-02-29", maxParallel: 4, window: 1)), Cancel);
        var granted = await WaitForStatusAsync(host.Client, backfill, p => p.EffectiveMaxParallel is not null && p.Running.Count == p.EffectiveMaxParallel, "its grant filled");
        await Eventually.UntilAsync("the backfill's running items held at the gate", _ => Task.FromResult(gate.Held), held => held == granted.EffectiveMaxParallel);

        await DailyRunAsync(host, new DateTimeOffset(2045, 1, 10, 2, 0, 0, TimeSpan.Zero));
        var heldThroughout = gate.Held;
        var backfillArrived = gate.Arrived.Count(r => r.BackfillId == backfill);
        var during = await WaitForStatusAsync(host.Client, backfill, _ => true);
        gate.Open();
        await host.Client.RaiseEventAsync(backfill, BackfillEvents.Cancel, true, Cancel);
        await CompletedAsync(host.Client, backfill);

        // The backfill asked for the whole budget and was granted the budget less the daily run's reserved slots.
        Assert.Equal((4, 2), (granted.MaxParallel, granted.EffectiveMaxParallel));
        Assert.Equal("max parallel 4, running 2: activity budget 4 with 2 reserved for the daily run", granted.MaxParallelReason);
        // Its two items were in flight from before the daily run started until after it ended, and nothing else of it started.
        Assert.Equal((2, 2), (heldThroughout, backfillArrived));
        Assert.Equal(BackfillStatus.Running, during.Status);
        Assert.Contains(runner.Attempts, a => IsDaily(a.Request));
        await WaitForNoGrantsAsync(host.Client);
    }

    [Fact]
    public async Task TwoBackfills_ShareTheBudget_AndAReleaseHandsTheSlotsToTheOther()
    {
        var (host, runner, gate) = await StartHostAsync(budget: 6, reserved: 2);
        await using var _ = host;
        int ArrivedOf(string backfill) => gate.Arrived.Count(r => r.BackfillId == backfill);
        // Items wait at the gate until both backfills fill their grants: the slots each holds at once are counted, not timed.
        gate.Hold(_ => true);
        var first = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(BackfillOrchestrator), Start(Spec("2043-01-01..2043-01-06", maxParallel: 3, window: 1), grantRefreshSeconds: 1), Cancel);
        await WaitForStatusAsync(host.Client, first, p => p.EffectiveMaxParallel == 3, "a grant of 3");
        await Eventually.UntilAsync("the first backfill's 3 items held at the gate", _ => Task.FromResult(ArrivedOf(first)), n => n == 3);
        var second = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(BackfillOrchestrator), Start(Spec("2043-03-01..2043-03-20", maxParallel: 3, window: 1), grantRefreshSeconds: 1), Cancel);
        var squeezed = await WaitForStatusAsync(host.Client, second, p => p.EffectiveMaxParallel is not null, "a grant");
        await Eventually.UntilAsync("the second backfill's granted items held at the gate", _ => Task.FromResult(ArrivedOf(second)), n => n == squeezed.EffectiveMaxParallel);
        var heldAtOnce = (First: ArrivedOf(first), Second: ArrivedOf(second), Held: gate.Held);
        gate.Open();

        var firstDone = await CompletedAsync(host.Client, first);
        var widened = await WaitForStatusAsync(host.Client, second, p => p.EffectiveMaxParallel == 3, "its grant widened to 3");
        var secondDone = await CompletedAsync(host.Client, second);

        // The share is 6 - 2 = 4: the first holds 3, so the second gets 1 until the first finishes and releases.
        Assert.Equal((3, 1), (squeezed.MaxParallel, squeezed.EffectiveMaxParallel));
        Assert.Equal("max parallel 3, running 1: activity budget 6 with 2 reserved for the daily run and 3 granted to other backfills", squeezed.MaxParallelReason);
        Assert.Equal((3, 1, 4), heldAtOnce);
        Assert.Equal((BackfillStatus.Completed, BackfillStatus.Completed), (firstDone.Status, secondDone.Status));
        Assert.Null(widened.MaxParallelReason);
        Assert.True(Intervals.MaxOverlap(AttemptsOf(runner, id => id == first)) <= 3, "the first keeps to its grant");
        Assert.True(Intervals.MaxOverlap(AttemptsOf(runner, id => id == second)) <= 3, "the second keeps to its grant");
        Assert.True(Intervals.MaxOverlap(runner.Attempts.Select(a => (a.Start, a.End))) <= 4, "never more than the backfill share at once");
        await WaitForNoGrantsAsync(host.Client);
    }

    [Fact]
    public async Task DailyRun_OfEveryBuiltVersion_StaysUnderTheDailyCapAndRunsBesideA365DayBackfill()
    {
        // FeatureVersions has two versions, so two are built: features_v1 (live) and features_v2, which the backfill makes a candidate.
        // A daily cap below the reserved slots, so the engine would have room for a third daily item: only the cap stops it.
        var (host, runner, gate) = await StartHostAsync(budget: 5, reserved: 3, dailyCap: 2);
        await using var _ = host;
        var backfill = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(BackfillOrchestrator), Start(Spec("2044-01-01..2044-12-30", maxParallel: 4, window: 1, target: "features_v2")), Cancel);
        await WaitForStatusAsync(host.Client, backfill, p => p.Counts.Succeeded >= 4, "four items succeeded");

        // From here the backfill's items wait at the gate: it is still running when the daily run ends, however slow the machine.
        gate.Hold(request => !IsDaily(request));
        await Eventually.UntilAsync("the backfill's 2 granted slots held at the gate", _ => Task.FromResult(gate.Held), held => held == 2);
        var daily = await DailyRunAsync(host, new DateTimeOffset(2045, 1, 10, 2, 0, 0, TimeSpan.Zero));
        var heldThroughout = gate.Held;
        var during = await WaitForStatusAsync(host.Client, backfill, _ => true);
        gate.Open();
        await host.Client.RaiseEventAsync(backfill, BackfillEvents.Cancel, true, Cancel);
        await CompletedAsync(host.Client, backfill);

        var result = daily.ReadOutputAs<DailyRunResult>()!;
        Assert.Equal(["features_v1", "features_v2"], result.Days.SelectMany(d => d.Layers).Where(l => l.Layer == Core.Layers.Layer.Features).Select(l => l.Version).Distinct());

        // The whole daily run ran while the backfill of 365 days held its two slots: its items never waited for the backfill to drain.
        Assert.Equal((2, BackfillStatus.Running), (heldThroughout, during.Status));
        var backfillRan = AttemptsOf(runner, run => run == backfill);
        var dailyRan = AttemptsOf(runner, run => run.StartsWith(DailyOrchestrator.IdPrefix, StringComparison.Ordinal));

        // Every version's items share the one daily cap; with the backfill's grant they never exceed the budget.
        Assert.True(Intervals.MaxOverlap(dailyRan) <= 2, "the daily cap covers every built version's items");
        Assert.True(Intervals.MaxOverlap(backfillRan) <= 2, "the backfill keeps to the budget less the reserved slots");
        Assert.True(Intervals.MaxOverlap(runner.Attempts.Select(a => (a.Start, a.End))) <= 5, "never more than the activity budget at once");
        await WaitForNoGrantsAsync(host.Client);
    }
}

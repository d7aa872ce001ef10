using System.Diagnostics;
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
/// records real start and end times.
/// </summary>
public sealed class ActivityBudgetTests(AzuriteFixture azurite)
{
    private const int ItemMs = 300;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    private async Task<(EngineHost Host, ScriptedWorkItemRunner Runner)> StartHostAsync(int budget, int reserved, int? dailyCap = null)
    {
        var runner = new ScriptedWorkItemRunner(_ => ItemMs);
        var host = await EngineHost.StartAsync(
            azurite.ConnectionString,
            TaskHubNames.New(),
            s => s.AddSingleton<IWorkItemRunner>(runner),
            new Dictionary<string, string?>
            {
                ["Backfill:ActivityBudget"] = budget.ToString(CultureInfo.InvariantCulture),
                ["DurableEngine:MaxConcurrentActivities"] = budget.ToString(CultureInfo.InvariantCulture),
                ["Daily:ReservedSlots"] = reserved.ToString(CultureInfo.InvariantCulture),
                ["Daily:MaxParallel"] = (dailyCap ?? reserved).ToString(CultureInfo.InvariantCulture),
                ["Daily:TimerEnabled"] = "false",
                ["Backfill:RetryDelaySeconds"] = "1",
            });
        return (host, runner);
    }

    private static async Task<TimeSpan> TimeDailyRunAsync(EngineHost host, DateTimeOffset asOf)
    {
        var clock = Stopwatch.StartNew();
        var (id, created) = await host.Services.GetRequiredService<DailyRunStarter>().StartAsync(host.Client, asOf, Cancel);
        Assert.True(created);
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, Cancel);
        clock.Stop();
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(DailyOrchestrator.Completed, done.ReadOutputAs<DailyRunResult>()!.Status);
        return clock.Elapsed;
    }

    private static async Task<IReadOnlyDictionary<string, BudgetGrant>> GrantsAsync(DurableTaskClient client) =>
        (await client.Entities.GetEntityAsync<ActivityBudgetState>(ActivityBudgetEntity.Global, includeState: true, Cancel))?.State.Grants
        ?? new Dictionary<string, BudgetGrant>();

    // Release is a signal: poll until the entity processed it.
    private static async Task WaitForNoGrantsAsync(DurableTaskClient client)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while ((await GrantsAsync(client)).Count > 0)
        {
            await Task.Delay(100, timeout.Token);
        }
    }

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
    public async Task DailyRun_DuringABackfillWantingTheWholeBudget_FinishesWithinABoundOfTheSameRunAlone()
    {
        var asOf = new DateTimeOffset(2045, 1, 10, 2, 0, 0, TimeSpan.Zero);
        TimeSpan alone;
        var (aloneHost, _) = await StartHostAsync(budget: 4, reserved: 2);
        await using (aloneHost)
        {
            // Warmed up like the other host (leases taken, first orchestrations run), so only the backfill differs.
            await CompletedAsync(aloneHost.Client, await aloneHost.Client.ScheduleNewOrchestrationInstanceAsync(
                nameof(BackfillOrchestrator), Start(Spec("2044-01-01", maxParallel: 4, window: 1)), Cancel));
            alone = await TimeDailyRunAsync(aloneHost, asOf);
        }

        var (host, runner) = await StartHostAsync(budget: 4, reserved: 2);
        await using var __ = host;
        var backfill = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(BackfillOrchestrator), Start(Spec("2044-01-01..2044-02-29", maxParallel: 4, window: 1)), Cancel);
        var granted = await WaitForStatusAsync(host.Client, backfill, p => p.Counts.Succeeded >= 4);

        var contended = await TimeDailyRunAsync(host, asOf);
        var during = await WaitForStatusAsync(host.Client, backfill, _ => true);
        await host.Client.RaiseEventAsync(backfill, BackfillEvents.Cancel, true, Cancel);
        await CompletedAsync(host.Client, backfill);
        Log($"daily run alone {alone.TotalMilliseconds:F0} ms, beside the backfill {contended.TotalMilliseconds:F0} ms");

        // The backfill asked for the whole budget and was granted the budget less the daily run's reserved slots.
        Assert.Equal((4, 2), (granted.MaxParallel, granted.EffectiveMaxParallel));
        Assert.Equal("max parallel 4, running 2: activity budget 4 with 2 reserved for the daily run", granted.MaxParallelReason);
        Assert.Equal(BackfillStatus.Running, during.Status);
        var backfillRan = AttemptsOf(runner, id => id == backfill);
        var dailyRan = AttemptsOf(runner, id => id.StartsWith(DailyOrchestrator.IdPrefix, StringComparison.Ordinal));
        Assert.Equal(2, Intervals.MaxOverlap(backfillRan));
        Assert.Contains(dailyRan, d => backfillRan.Any(b => b.Start < d.End && d.Start < b.End));

        // Generous for a noisy 2-core machine: alone, the run is a few item durations of engine round trips.
        Assert.True(contended <= alone * 3 + TimeSpan.FromMilliseconds(4 * ItemMs), $"beside the backfill {contended}, alone {alone}");
        await WaitForNoGrantsAsync(host.Client);
    }

    [Fact]
    public async Task TwoBackfills_ShareTheBudget_AndAReleaseHandsTheSlotsToTheOther()
    {
        var (host, runner) = await StartHostAsync(budget: 6, reserved: 2);
        await using var _ = host;
        var first = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(BackfillOrchestrator), Start(Spec("2043-01-01..2043-01-06", maxParallel: 3, window: 1), grantRefreshSeconds: 1), Cancel);
        await WaitForStatusAsync(host.Client, first, p => p.EffectiveMaxParallel == 3);
        var second = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(BackfillOrchestrator), Start(Spec("2043-03-01..2043-03-20", maxParallel: 3, window: 1), grantRefreshSeconds: 1), Cancel);

        var squeezed = await WaitForStatusAsync(host.Client, second, p => p.EffectiveMaxParallel is not null);
        var firstDone = await CompletedAsync(host.Client, first);
        var widened = await WaitForStatusAsync(host.Client, second, p => p.EffectiveMaxParallel == 3);
        var secondDone = await CompletedAsync(host.Client, second);

        // The share is 6 - 2 = 4: the first holds 3, so the second gets 1 until the first finishes and releases.
        Assert.Equal((3, 1), (squeezed.MaxParallel, squeezed.EffectiveMaxParallel));
        Assert.Equal("max parallel 3, running 1: activity budget 6 with 2 reserved for the daily run and 3 granted to other backfills", squeezed.MaxParallelReason);
        Assert.Equal((BackfillStatus.Completed, BackfillStatus.Completed), (firstDone.Status, secondDone.Status));
        Assert.Null(widened.MaxParallelReason);
        var firstRan = AttemptsOf(runner, id => id == first);
        var secondRan = AttemptsOf(runner, id => id == second);
        var firstEnded = firstRan.Max(a => a.End);
        Assert.Equal(3, Intervals.MaxOverlap(firstRan));
        Assert.Equal(1, Intervals.MaxOverlap(secondRan.Where(a => a.Start < firstEnded)));
        Assert.Equal(3, Intervals.MaxOverlap(secondRan));
        Assert.True(Intervals.MaxOverlap(runner.Attempts.Select(a => (a.Start, a.End))) <= 4, "never more than the backfill share at once");
        await WaitForNoGrantsAsync(host.Client);
    }

    [Fact]
    public async Task DailyRun_OfEveryBuiltVersion_StaysUnderTheDailyCapAndRunsBesideA365DayBackfill()
    {
        // FeatureVersions has two versions, so two are built: features_v1 (live) and features_v2, which the backfill makes a candidate.
        // A daily cap below the reserved slots, so the engine would have room for a third daily item: only the cap stops it.
        var (host, runner) = await StartHostAsync(budget: 5, reserved: 3, dailyCap: 2);
        await using var _ = host;
        var backfill = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(BackfillOrchestrator), Start(Spec("2044-01-01..2044-12-30", maxParallel: 4, window: 1, target: "features_v2")), Cancel);
        await WaitForStatusAsync(host.Client, backfill, p => p.Counts.Succeeded >= 4);

        var (id, created) = await host.Services.GetRequiredService<DailyRunStarter>().StartAsync(host.Client, new DateTimeOffset(2045, 1, 10, 2, 0, 0, TimeSpan.Zero), Cancel);
        Assert.True(created);
        var daily = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, Cancel);
        var during = await WaitForStatusAsync(host.Client, backfill, _ => true);
        await host.Client.RaiseEventAsync(backfill, BackfillEvents.Cancel, true, Cancel);
        await CompletedAsync(host.Client, backfill);

        var result = daily.ReadOutputAs<DailyRunResult>()!;
        Assert.Equal(DailyOrchestrator.Completed, result.Status);
        Assert.Equal(["features_v1", "features_v2"], result.Days.SelectMany(d => d.Layers).Where(l => l.Layer == Core.Layers.Layer.Features).Select(l => l.Version).Distinct());

        // The whole daily run finished while the backfill of 365 days was still running: its items never waited for the backfill to drain.
        Assert.Equal(BackfillStatus.Running, during.Status);
        var backfillRan = AttemptsOf(runner, run => run == backfill);
        var dailyRan = AttemptsOf(runner, run => run.StartsWith(DailyOrchestrator.IdPrefix, StringComparison.Ordinal));
        Assert.Contains(dailyRan, d => backfillRan.Any(b => b.Start < d.End && d.Start < b.End));

        // Every version's items share the one daily cap; with the backfill's grant they never exceed the budget.
        Assert.True(Intervals.MaxOverlap(dailyRan) <= 2, "the daily cap covers every built version's items");
        Assert.True(Intervals.MaxOverlap(backfillRan) <= 2, "the backfill keeps to the budget less the reserved slots");
        Assert.True(Intervals.MaxOverlap(runner.Attempts.Select(a => (a.Start, a.End))) <= 5, "never more than the activity budget at once");
        await WaitForNoGrantsAsync(host.Client);
    }
}

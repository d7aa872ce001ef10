using System.Collections.Concurrent;
using Backfill.Core.Pointers;
using Backfill.LocalHost.Tests.Engine;
using Backfill.Storage.Alerts;
using Backfill.Storage.Layout;
using Backfill.Storage.Pointers;
using Backfill.Testing;
using Backfill.Workflows.Alerts;
using Backfill.Workflows.Api;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace Backfill.LocalHost.Tests.Orchestrators;

/// <summary>
/// The pointer entity and its mirror blob on the real engine and Azurite. Flips here change the entity
/// directly (as a flip run that crashed right after its entity call would) or roll back through the flip
/// orchestration, which needs no feature data; the full flip with data runs in the end-to-end tests.
/// </summary>
public sealed class FlipOrchestratorTests(AzuriteFixture azurite)
{
    private static readonly EntityInstanceId Pointer = new(nameof(PointerEntity), FeaturePointer.Name);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(EngineHost Host, PointerStore Mirror)> StartHostAsync()
    {
        // A lake of its own: the mirror blob outlives a task hub, so tests must not share one.
        var id = Guid.NewGuid().ToString("N")[..12];
        var host = await EngineHost.StartAsync(azurite.ConnectionString, TaskHubNames.New(), settings: new Dictionary<string, string?>
        {
            ["Lake:ContainerName"] = "lake-" + id,
            ["Lake:LineageTableName"] = "lineage" + id,
        });
        var lake = host.Services.GetRequiredService<LakeStorage>();
        await lake.EnsureCreatedAsync(Cancel);
        return (host, new PointerStore(lake));
    }

    // What a flip run that crashed between its entity call and its mirror step leaves behind.
    private static async Task<PointerState> FlipEntityOnlyAsync(DurableTaskClient client, string from, string to, long sequence)
    {
        await client.Entities.SignalEntityAsync(Pointer, nameof(PointerEntity.Flip), new PointerFlip(from, to, sequence, "crashed-run", DateTimeOffset.UnixEpoch), cancellation: Cancel);
        return (await Eventually.UntilAsync(
            $"the pointer entity at sequence {sequence + 1}",
            async cancellationToken => (await client.Entities.GetEntityAsync<PointerState>(Pointer, includeState: true, cancellationToken))?.State,
            state => state?.Sequence == sequence + 1))!;
    }

    [Fact]
    public async Task Flip_TargetIncomplete_IsRefusedWithOneAlertNamingWhy()
    {
        var (host, _) = await StartHostAsync();
        await using var _host = host;

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(FlipOrchestrator), new FlipRequest(FeaturePointer.Name, PointerOperation.Flip, "features_v2", null, null, "2025-01-01..2025-01-03", "flip-1"), Cancel);
        var done = await Orchestrations.EndedAsync(host.Client, id);

        Assert.Equal(FlipOutcomeKind.Incomplete, done.ReadOutputAs<FlipOutcome>()!.Kind);
        var alert = Assert.Single(await host.Services.GetRequiredService<AlertStore>().ListAsync(null, null, 1000, Cancel), a => a.RunId == id);
        Assert.Equal((AlertKinds.FlipRefused, AlertSeverity.Warning), (alert.Kind, alert.Severity));
        Assert.Contains("features_v2 is not complete: 3 day(s) missing", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flip_DryRunOfAnIncompleteTarget_ReportsWhyWithoutAnAlertOrAChange()
    {
        var (host, _) = await StartHostAsync();
        await using var _host = host;

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(FlipOrchestrator),
            new FlipRequest(FeaturePointer.Name, PointerOperation.Flip, "features_v2", null, null, "2025-01-01..2025-01-03", "check-1", DryRun: true), Cancel);
        var outcome = (await Orchestrations.EndedAsync(host.Client, id)).ReadOutputAs<FlipOutcome>()!;

        Assert.Equal((FlipOutcomeKind.Incomplete, 3), (outcome.Kind, outcome.Completeness!.Missing.Count));
        Assert.DoesNotContain(await host.Services.GetRequiredService<AlertStore>().ListAsync(null, null, 1000, Cancel), a => a.RunId == id);
        var pointer = await host.Client.Entities.GetEntityAsync<PointerState>(Pointer, includeState: true, Cancel);
        Assert.Equal(0, pointer?.State.Sequence ?? 0);
    }

    private static FlipRequest Rollback(long? expectedSequence, string by) => new(FeaturePointer.Name, PointerOperation.Rollback, null, null, expectedSequence, null, by);

    [Fact]
    public async Task Mirror_CrashBetweenEntityAndMirrorWrites_LagsThenConvergesOnTheNextReadOrRun()
    {
        var (host, mirror) = await StartHostAsync();
        await using var _ = host;
        var handler = host.Services.GetRequiredService<PointersHandler>();

        var flipped = await FlipEntityOnlyAsync(host.Client, "features_v1", "features_v2", 0);
        var lagging = await mirror.GetAsync(FeaturePointer.Name, Cancel);
        var read = await handler.ReconcileAsync(host.Client, FeaturePointer.Name, Cancel);
        var converged = await mirror.GetAsync(FeaturePointer.Name, Cancel);

        // Lagging means "no mirror yet": readers resolve the initial version, which the entity held at sequence 0.
        Assert.Null(lagging);
        Assert.Equal(flipped.ToMirror(), read.ToMirror());
        Assert.Equal(flipped.History, read.History);
        Assert.Equal(flipped.ToMirror(), converged);

        // Crash again, then a rollback run: its first step moves the mirror up before it changes anything.
        var second = await FlipEntityOnlyAsync(host.Client, "features_v2", "features_v1", 1);
        Assert.Equal(1, (await mirror.GetAsync(FeaturePointer.Name, Cancel))!.Sequence);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(FlipOrchestrator), Rollback(null, "rb-1"), Cancel);
        var done = await Orchestrations.EndedAsync(host.Client, id);
        var outcome = done.ReadOutputAs<FlipOutcome>()!;

        Assert.Equal(2, second.Sequence);
        Assert.Equal(FlipOutcomeKind.RolledBack, outcome.Kind);
        Assert.Equal(("features_v2", 3L, "rb-1"), (outcome.State.Current, outcome.State.Sequence, outcome.State.FlippedBy));
        Assert.Equal(outcome.State.ToMirror(), await mirror.GetAsync(FeaturePointer.Name, Cancel));
        var recorded = await new PointerLineage(host.Services.GetRequiredService<LakeStorage>()).ListAsync(FeaturePointer.Name, Cancel);
        Assert.Equal([("rollback", "features_v1", "features_v2", 3L)], recorded.Select(r => (r.Kind, r.From, r.To, r.Sequence)));
    }

    [Fact]
    public async Task Rollback_ThreeRacingPerRoundWhileAReaderLoops_OneWinsAndTheMirrorShowsOnlyStatesTheEntityHeld()
    {
        var (host, mirror) = await StartHostAsync();
        await using var _ = host;
        await FlipEntityOnlyAsync(host.Client, "features_v1", "features_v2", 0);
        var seen = new ConcurrentBag<(long Sequence, string Current)>();
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (await mirror.GetAsync(FeaturePointer.Name, Cancel) is { } m)
                {
                    seen.Add((m.Sequence, m.Current));
                }
            }
        }, Cancel);

        var winners = new List<int>();
        for (var round = 0; round < 4; round++)
        {
            var sequence = 1L + round;
            var ids = await Task.WhenAll(Enumerable.Range(0, 3).Select(i =>
                host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(FlipOrchestrator), Rollback(sequence, $"r{round}-{i}"), Cancel)));
            var outcomes = await Task.WhenAll(ids.Select(async id =>
                (await Orchestrations.EndedAsync(host.Client, id)).ReadOutputAs<FlipOutcome>()!));
            winners.Add(outcomes.Count(o => o.Kind == FlipOutcomeKind.RolledBack));
            Assert.All(outcomes.Where(o => o.Kind != FlipOutcomeKind.RolledBack), o => Assert.Equal(FlipOutcomeKind.Conflict, o.Kind));
        }

        await stop.CancelAsync();
        await reader;
        var final = (await host.Client.Entities.GetEntityAsync<PointerState>(Pointer, includeState: true, Cancel))!.State;
        var held = final.History.Select(h => (h.Sequence, h.Version)).Append((final.Sequence, final.Current)).ToHashSet();

        Assert.Equal([1, 1, 1, 1], winners);
        Assert.Equal(5, final.Sequence);
        Assert.NotEmpty(seen);
        Assert.All(seen, s => Assert.Contains(s, held));
        Assert.Equal(final.ToMirror(), await mirror.GetAsync(FeaturePointer.Name, Cancel));
    }
}

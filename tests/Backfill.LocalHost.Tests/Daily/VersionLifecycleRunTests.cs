using Backfill.Core.Features;
using Backfill.Core.Generation;
using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Pointers;
using Backfill.Core.Versioning;
using Backfill.LocalHost.Tests.Engine;
using Backfill.Storage.Commits;
using Backfill.Storage.Layout;
using Backfill.Storage.Pointers;
using Backfill.Testing;
using Backfill.Workflows.Api;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace Backfill.LocalHost.Tests.Daily;

/// <summary>
/// The feature-version lifecycle on the real engine, the real data plane and Azurite, time driven only through asOf:
/// after a flip the daily run keeps building the version readers read, and the previous one for the retain window.
/// Each test has its own lake, because the pointer's and the registry's mirror blobs are lake-wide.
/// </summary>
public sealed class VersionLifecycleRunTests(AzuriteFixture azurite)
{
    private static readonly EntityInstanceId Pointer = new(nameof(PointerEntity), FeaturePointer.Name);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateTimeOffset At(string day) => new(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);

    private static Day Day(string day) => Core.Partitions.Day.Parse(day);


    private async Task<(EngineHost Host, DailyLake Lake)> StartAsync(int retainDays)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var options = new LakeSettings { ContainerName = "lake-" + id, LineageTableName = "lineage" + id };
        var host = await EngineHost.StartAsync(azurite.ConnectionString, TaskHubNames.New(), settings: new Dictionary<string, string?>
        {
            ["Lake:ContainerName"] = options.ContainerName,
            ["Lake:LineageTableName"] = options.LineageTableName,
            ["Versions:RetainDays"] = retainDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Backfill:RetryDelaySeconds"] = "1",
        });
        return (host, new DailyLake(azurite.ConnectionString, options));
    }

    private static async Task<T> CompletedAsync<T>(DurableTaskClient client, string id)
    {
        // Seconds alone; a 2-core machine busy with builds and other test hosts has needed more than 4 min.
        var done = await Orchestrations.EndedAsync(client, id, TimeSpan.FromMinutes(6));
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{id} ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
        return done.ReadOutputAs<T>()!;
    }

    private static async Task BackfillAsync(EngineHost host, string target, string partitions, params Layer[] layers)
    {
        var spec = new BackfillSpec(partitions, target, layers, FeatureVersions.Get(target).InputWindowDays, 3, WriteMode.Overwrite, PartitionOrder.Ascending,
            2, 1, false, CodeVersion.Current.Value, FeatureVersions.Get(target).ConfigHash, DateTimeOffset.UtcNow);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(BackfillOrchestrator), new BackfillState(spec, string.Empty, spec.MaxParallel, false, spec.SubmittedAt, 0, 0, 0, null, 30), Cancel);
        Assert.Equal(BackfillStatus.Completed, (await CompletedAsync<BackfillProgress>(host.Client, id)).Status);
    }

    private static async Task<DailyRunResult> DailyAsync(EngineHost host, string asOf)
    {
        var (id, _) = await host.Services.GetRequiredService<DailyRunStarter>().StartAsync(host.Client, At(asOf), Cancel);
        var result = await CompletedAsync<DailyRunResult>(host.Client, id);
        Assert.True(result.Status == DailyOrchestrator.Completed, string.Join("; ", result.Days.SelectMany(d => d.Layers.Where(l => l.Error is not null).Select(l => $"{d.Date} {l.Layer} {l.Version}: {l.Error}"))));
        return result;
    }

    private static async Task<FlipOutcome> PointerAsync(EngineHost host, PointerOperation operation, string? to = null)
    {
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(FlipOrchestrator), new FlipRequest(FeaturePointer.Name, operation, to, null, null, null, "test"), Cancel);
        return await CompletedAsync<FlipOutcome>(host.Client, id);
    }

    private static async Task<VersionLifecycle> RegistryAsync(DurableTaskClient client, CancellationToken cancellationToken = default) =>
        (await client.Entities.GetEntityAsync<VersionLifecycle>(VersionRegistryEntity.Features, includeState: true, cancellationToken))?.State ?? VersionLifecycle.Empty;

    private static async Task<PointerState?> PointerStateAsync(DurableTaskClient client, CancellationToken cancellationToken = default) =>
        (await client.Entities.GetEntityAsync<PointerState>(Pointer, includeState: true, cancellationToken))?.State;

    private static IEnumerable<(string, VersionState)> States(VersionLifecycle registry) => registry.Versions.Select(v => (v.Version, v.State));

    // GET /api/versions through the handler both hosts share.
    private static async Task<VersionsView> VersionsAsync(EngineHost host)
    {
        var result = await host.Services.GetRequiredService<VersionsHandler>().GetAsync(new DefaultHttpContext().Request, host.Client);
        return Assert.IsType<JsonHttpResult<VersionsView>>(result).Value!;
    }

    // The API answers a backfill's 202 once it registered; a test that starts the orchestration itself waits the same way.
    private static async Task CandidateAsync(DurableTaskClient client, string version) =>
        await Eventually.UntilAsync($"{version} registered as a candidate", async cancel => (await RegistryAsync(client, cancel)).Find(version)?.State, state => state == VersionState.Candidate);

    // Events of closed days from another generator seed (new event ids), landing together at `arrival`, after those days' daily runs.
    private static async Task<IReadOnlyList<GeneratedLine>> LandLateAsync(DailyLake lake, string arrival, params string[] days)
    {
        var at = DateTime.Parse(arrival, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
        var late = days.SelectMany(day => new EventGenerator(DailyLake.Options(1_000 + Day(day).Date.DayNumber)).Generate(Day(day).Date).Take(60))
            .Select(line => line with { ArrivalTime = at }).ToList();
        await lake.LandAsync("late-" + arrival.Replace(':', '-'), late);
        return late;
    }

    private static async Task AssertRecomputedAsync(DailyLake lake, IReadOnlyList<GeneratedLine> landed, FeatureVersion version, Day first, Day last)
    {
        var mismatched = new List<string>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var expected = DailyLake.Recompute(landed, day, version).OrderBy(r => r.EntityId, StringComparer.Ordinal).ToList();
            var live = (await lake.ReadAsync(version.Name, day, day)).Rows.OrderBy(r => r.EntityId, StringComparer.Ordinal).ToList();
            if (!expected.SequenceEqual(live))
            {
                mismatched.Add(day.ToString());
            }
        }

        Assert.Empty(mismatched);
    }

    [Fact]
    public async Task DailyRuns_AfterAFlip_BuildTheLiveVersionAndTheRetiringOneUntilTheWindowEnds()
    {
        var (host, lake) = await StartAsync(retainDays: 3);
        await using var _ = host;
        IReadOnlyList<GeneratedLine> landed = await lake.LandAsync(DailyLake.Options(13), Day("2025-01-31"), Day("2025-02-18"), "gen");
        await BackfillAsync(host, "features_v1", "2025-01-31..2025-02-10", Layer.Raw, Layer.Staging, Layer.Features);
        await BackfillAsync(host, "features_v2", "2025-01-31..2025-02-10", Layer.Features);
        Assert.Equal(FlipOutcomeKind.Flipped, (await PointerAsync(host, PointerOperation.Flip, "features_v2")).Kind);

        // The reproduction of issue 13: before, every day closed after the flip existed only in features_v1.
        var runs = new List<DailyRunResult>();
        foreach (var asOf in (string[])["2025-02-13", "2025-02-14", "2025-02-15"])
        {
            if (asOf == "2025-02-14")
            {
                // After the flip a late batch lands for days already closed (watermark 2025-02-11): the next runs' rolling
                // reprocess merges it into both built versions.
                var late = await LandLateAsync(lake, "2025-02-13T12:00", "2025-02-10", "2025-02-11");
                Assert.NotEqual(DailyLake.Recompute(landed, Day("2025-02-10")), DailyLake.Recompute([.. landed, .. late], Day("2025-02-10")));
                landed = [.. landed, .. late];
            }

            var run = await DailyAsync(host, asOf);
            Assert.Equal(["features_v2", "features_v1"], run.Days.Single(d => d.Date == run.Watermark).Layers.Where(l => l.Layer == Layer.Features).Select(l => l.Version));
            runs.Add(run);
        }

        Assert.All((string[])["2025-02-10", "2025-02-11"], late => Assert.Equal(
            [(Layer.Raw, null), (Layer.Staging, null), (Layer.Features, "features_v2"), (Layer.Features, "features_v1")],
            runs[1].Days.Single(d => d.Date == Day(late)).Layers.Select(l => (l.Layer, l.Version))));

        var afterFlip = await lake.ReadAsync(FeaturePointer.Name, Day("2025-02-11"), Day("2025-02-13"));
        Assert.Equal(("features_v2", 0), (afterFlip.Dataset, afterFlip.Missing.Count));

        // Rollback inside the retain window: readers see features_v1 with every closed day present.
        Assert.Equal(FlipOutcomeKind.RolledBack, (await PointerAsync(host, PointerOperation.Rollback)).Kind);
        var rolledBack = await lake.ReadAsync(FeaturePointer.Name, Day("2025-01-31"), Day("2025-02-13"));
        Assert.Equal(("features_v1", 0), (rolledBack.Dataset, rolledBack.Missing.Count));

        // Flip again: completeness now reaches features_v1's committed watermark, which the daily runs gave features_v2 too.
        var again = await PointerAsync(host, PointerOperation.Flip, "features_v2");
        Assert.Equal(FlipOutcomeKind.Flipped, again.Kind);
        Assert.Equal((Day("2025-01-31"), Day("2025-02-13")), (again.Completeness!.Required[0], again.Completeness.Required[^1]));

        // features_v1 is retiring from 2025-02-13: built for three processed days, then retired.
        foreach (var asOf in (string[])["2025-02-16", "2025-02-17", "2025-02-18"])
        {
            await DailyAsync(host, asOf);
        }

        var last = await DailyAsync(host, "2025-02-19");
        Assert.Equal(["features_v2"], last.Days.SelectMany(d => d.Layers).Where(l => l.Layer == Layer.Features).Select(l => l.Version).Distinct());
        var mirror = await new VersionRegistryStore(lake.Storage).GetAsync(FeaturePointer.Name, Cancel);
        Assert.Equal(
            [("features_v1", VersionState.Retired), ("features_v2", VersionState.Live)],
            mirror!.Versions.Select(v => (v.Version, v.State)));
        Assert.Equal(Day("2025-02-16"), mirror.Find("features_v1")!.Since);

        // After the window: the rollback is refused, saying why and how to bring features_v1 back; nothing was deleted.
        var refused = await PointerAsync(host, PointerOperation.Rollback);
        Assert.Equal(FlipOutcomeKind.Conflict, refused.Kind);
        Assert.Contains("features_v1 is retired", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("backfill the missing days", refused.Reason, StringComparison.Ordinal);
        Assert.Equal("features_v2", refused.State.Current);
        var kept = await lake.ReadAsync("features_v1", Day("2025-01-31"), Day("2025-02-17"));
        Assert.Equal([Day("2025-02-17")], kept.Missing);
        var current = await lake.ReadAsync(FeaturePointer.Name, Day("2025-01-31"), Day("2025-02-17"));
        Assert.Equal(("features_v2", 0), (current.Dataset, current.Missing.Count));

        // Both versions equal a full recompute from every landed event (the late batch included) on every day past its last rolling reprocess.
        await AssertRecomputedAsync(lake, landed, FeatureVersions.V2, Day("2025-01-31"), Day("2025-02-14"));
        await AssertRecomputedAsync(lake, landed, FeatureVersions.V1, Day("2025-01-31"), Day("2025-02-13"));
    }

    [Fact]
    public async Task Candidate_BackfilledWhileDailyRunsContinue_FlipsWithoutAGapWhileAReaderLoops()
    {
        // The scenario at CI size: 11 backfilled days and 4 daily runs before the flip, 4 after (not 60, 10 and 10).
        var (host, lake) = await StartAsync(retainDays: VersionLifecycle.DefaultRetainDays);
        await using var _ = host;
        var landed = await lake.LandAsync(DailyLake.Options(29), Day("2025-03-01"), Day("2025-03-21"), "gen");
        await BackfillAsync(host, "features_v1", "2025-03-01..2025-03-10", Layer.Raw, Layer.Staging, Layer.Features);
        var readableThrough = (await DailyAsync(host, "2025-03-13")).CommittedWatermark!.Value;

        // A reader loops through `features` over every day up to the committed watermark the whole time. A gap would last
        // (a version named before its days exist), so reads a moment apart see it; back to back they would only starve the
        // emulator that every test host of this assembly shares.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var reads = 0;
        var gaps = new List<string>();
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var through = readableThrough;
                var read = await lake.ReadAsync(FeaturePointer.Name, Day("2025-03-01"), through);
                reads++;
                gaps.AddRange(read.Missing.Select(day => $"{read.Dataset} {day} (through {through})"));
                await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
            }
        }, CancellationToken.None);

        var spec = new BackfillSpec("2025-03-01..2025-03-11", "features_v2", [Layer.Features], FeatureVersions.V2.InputWindowDays, 2, WriteMode.Overwrite,
            PartitionOrder.Ascending, 2, 1, false, CodeVersion.Current.Value, FeatureVersions.V2.ConfigHash, DateTimeOffset.UtcNow);
        var backfill = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(BackfillOrchestrator), new BackfillState(spec, string.Empty, spec.MaxParallel, false, spec.SubmittedAt, 0, 0, 0, null, 30), Cancel);
        await CandidateAsync(host.Client, "features_v2");
        foreach (var asOf in (string[])["2025-03-14", "2025-03-15", "2025-03-16", "2025-03-17"])
        {
            var run = await DailyAsync(host, asOf);
            Assert.Contains(run.Days.SelectMany(d => d.Layers), l => l.Version == "features_v2");
            readableThrough = run.CommittedWatermark!.Value;
        }

        Assert.Equal(BackfillStatus.Completed, (await CompletedAsync<BackfillProgress>(host.Client, backfill)).Status);
        var flip = await PointerAsync(host, PointerOperation.Flip, "features_v2");
        Assert.True(flip.Kind == FlipOutcomeKind.Flipped, flip.Reason);
        Assert.Equal((Day("2025-03-01"), Day("2025-03-15")), (flip.Completeness!.Required[0], flip.Completeness.Required[^1]));
        foreach (var asOf in (string[])["2025-03-18", "2025-03-19", "2025-03-20", "2025-03-21"])
        {
            readableThrough = (await DailyAsync(host, asOf)).CommittedWatermark!.Value;
        }

        await stop.CancelAsync();
        await reader;
        Assert.Equal(Day("2025-03-19"), readableThrough);
        Assert.True(reads > 0);
        Assert.Empty(gaps);

        // Days past their last rolling reprocess equal a full recompute in both versions (features_v1 is still retiring).
        await AssertRecomputedAsync(lake, landed, FeatureVersions.V2, Day("2025-03-01"), Day("2025-03-16"));
        await AssertRecomputedAsync(lake, landed, FeatureVersions.V1, Day("2025-03-01"), Day("2025-03-16"));
    }

    [Fact]
    public async Task CrashBetweenTheFlipAndTheRegistry_TheNextReadDailyRunAndRollbackConverge()
    {
        var (host, lake) = await StartAsync(retainDays: 3);
        await using var _ = host;
        var landed = await lake.LandAsync(DailyLake.Options(17), Day("2025-04-01"), Day("2025-04-11"), "gen");
        await BackfillAsync(host, "features_v1", "2025-04-01..2025-04-07", Layer.Raw, Layer.Staging, Layer.Features);
        await BackfillAsync(host, "features_v2", "2025-04-01..2025-04-07", Layer.Features);
        await DailyAsync(host, "2025-04-10");

        // The flip's compare-and-set on the pointer entity alone: the state a flip leaves when its host dies right after
        // that step, before the registry's update and both mirror writes.
        var sequence = (await PointerStateAsync(host.Client, Cancel))?.Sequence ?? 0;
        await host.Client.Entities.SignalEntityAsync(
            Pointer, nameof(PointerEntity.Flip), new PointerFlip("features_v1", "features_v2", sequence, "crashed-flip", DateTimeOffset.UtcNow), cancellation: Cancel);
        await Eventually.UntilAsync("the pointer entity at features_v2", cancel => PointerStateAsync(host.Client, cancel), state => state?.Current == "features_v2");
        var stale = await RegistryAsync(host.Client, Cancel);
        Assert.Equal([("features_v1", VersionState.Live), ("features_v2", VersionState.Candidate)], States(stale));
        Assert.Equal(States(stale), States((await new VersionRegistryStore(lake.Storage).GetAsync(FeaturePointer.Name, Cancel))!));

        // Readers still on the old mirror read features_v1, which is still built: no gap inside the window.
        var beforeHeal = await lake.ReadAsync(FeaturePointer.Name, Day("2025-04-01"), Day("2025-04-08"));
        Assert.Equal(("features_v1", 0), (beforeHeal.Dataset, beforeHeal.Missing.Count));

        // GET /api/versions answers what the pointer decides, and moves the pointer's mirror up as every pointer read does.
        var view = await VersionsAsync(host);
        Assert.Equal("features_v2", view.Live);
        Assert.Equal([("features_v1", "retiring"), ("features_v2", "live")], view.Versions.Select(v => (v.Version, v.State)));

        // The next daily run heals the registry and its mirror, then builds the live version and the retiring one.
        var run = await DailyAsync(host, "2025-04-11");
        Assert.Equal(["features_v2", "features_v1"], run.Days.Single(d => d.Date == run.Watermark).Layers.Where(l => l.Layer == Layer.Features).Select(l => l.Version));
        Assert.Equal(Day("2025-04-09"), run.CommittedWatermark);
        var healed = await RegistryAsync(host.Client, Cancel);
        Assert.Equal([("features_v1", VersionState.Retiring), ("features_v2", VersionState.Live)], States(healed));
        Assert.Equal(Day("2025-04-08"), healed.Find("features_v1")!.Since);
        var mirror = (await new VersionRegistryStore(lake.Storage).GetAsync(FeaturePointer.Name, Cancel))!;
        Assert.Equal(healed.Sequence, mirror.Sequence);
        Assert.Equal(States(healed), States(mirror));
        var afterHeal = await lake.ReadAsync(FeaturePointer.Name, Day("2025-04-01"), Day("2025-04-09"));
        Assert.Equal(("features_v2", 0), (afterHeal.Dataset, afterHeal.Missing.Count));

        // The next pointer operation starts from the healed registry: a rollback inside the window lands on a current features_v1.
        Assert.Equal(FlipOutcomeKind.RolledBack, (await PointerAsync(host, PointerOperation.Rollback)).Kind);
        Assert.Equal([("features_v1", VersionState.Live), ("features_v2", VersionState.Retiring)], States(await RegistryAsync(host.Client, Cancel)));
        var rolledBack = await lake.ReadAsync(FeaturePointer.Name, Day("2025-04-01"), Day("2025-04-09"));
        Assert.Equal(("features_v1", 0), (rolledBack.Dataset, rolledBack.Missing.Count));
        await AssertRecomputedAsync(lake, landed, FeatureVersions.V2, Day("2025-04-01"), Day("2025-04-06"));
        await AssertRecomputedAsync(lake, landed, FeatureVersions.V1, Day("2025-04-01"), Day("2025-04-06"));
    }
}

using Backfill.Core.Events;
using Backfill.Core.Generation;
using Backfill.Core.Partitions;
using Backfill.Core.Scheduling;
using Backfill.LocalHost.Tests.Engine;
using Backfill.Storage.Alerts;
using Backfill.Storage.Backfills;
using Backfill.Storage.Daily;
using Backfill.Testing;
using Backfill.Workflows.Alerts;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Backfill.LocalHost.Tests.Daily;

/// <summary>
/// The daily run on the real engine, the real data plane (landing, Parquet partitions, commits) and Azurite, with
/// time driven only through asOf. Each test uses its own year of days, so tests sharing the lake never meet.
/// </summary>
public sealed class DailyRunTests(AzuriteFixture azurite)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateTimeOffset At(string day) => new(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);

    private static Day Day(string day) => Core.Partitions.Day.Parse(day);

    private Task<EngineHost> StartHostAsync(int maxParallel = 3, int rollingDays = 3) => EngineHost.StartAsync(
        azurite.ConnectionString, TaskHubNames.New(), settings: new Dictionary<string, string?>
        {
            ["Daily:MaxParallel"] = maxParallel.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Daily:RollingDays"] = rollingDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Backfill:RetryDelaySeconds"] = "1",
        });

    private static async Task<DailyRunResult> RunAsync(EngineHost host, DateTimeOffset asOf)
    {
        var (id, _) = await host.Services.GetRequiredService<DailyRunStarter>().StartAsync(host.Client, asOf, Cancel);
        // A run takes seconds alone; on a 2-core machine busy with builds and other test hosts it has taken over 3 min.
        var done = await Orchestrations.EndedAsync(host.Client, id, TimeSpan.FromMinutes(6));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        return done.ReadOutputAs<DailyRunResult>()!;
    }

    [Fact]
    public async Task DailyRun_DuplicateTriggerForOneDay_StartsOneOrchestration()
    {
        await using var host = await StartHostAsync();
        var starter = host.Services.GetRequiredService<DailyRunStarter>();

        // The timer and a manual trigger at different times of the same scheduled day, at once.
        var results = await Task.WhenAll(
            starter.StartAsync(host.Client, At("2029-03-09"), Cancel),
            starter.StartAsync(host.Client, At("2029-03-09").AddHours(7), Cancel),
            starter.StartAsync(host.Client, At("2029-03-09").AddHours(21), Cancel));

        Assert.All(results, r => Assert.Equal("daily-2029-03-09", r.Id));
        Assert.Single(results, r => r.Created);
        var instances = new List<OrchestrationMetadata>();
        await foreach (var instance in host.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = DailyOrchestrator.IdPrefix + "2029-03-09" }))
        {
            instances.Add(instance);
        }

        Assert.Single(instances, i => i.Name == nameof(DailyOrchestrator));
    }

    [Fact]
    public async Task DailyRun_AfterSevenSkippedRuns_CatchesUpOldestFirstUnderTheCapAndAdvancesTheWatermark()
    {
        var lake = new DailyLake(azurite.ConnectionString);
        await lake.LandAsync(DailyLake.Options(30), Day("2030-01-01"), Day("2030-01-12"), "gen");
        await using var host = await StartHostAsync(maxParallel: 2);

        var first = await RunAsync(host, At("2030-01-06"));
        var caughtUp = await RunAsync(host, At("2030-01-14"));

        Assert.Equal(Day("2030-01-04"), first.CommittedWatermark);
        Assert.Equal(Day("2030-01-12"), caughtUp.Watermark);
        Assert.Equal(Day("2030-01-04"), caughtUp.CommittedWatermarkBefore);
        Assert.Equal(Day("2030-01-12"), caughtUp.CommittedWatermark);
        var catchup = caughtUp.Days.Where(d => d.Role == Core.Lineage.RunTrigger.Catchup).Select(d => d.Date).ToList();
        Assert.Equal([.. Enumerable.Range(5, 7).Select(d => Day($"2030-01-{d:00}"))], catchup);
        Assert.All(caughtUp.Days.Where(d => d.Role == Core.Lineage.RunTrigger.Catchup), d => Assert.True(d.Committed, $"{d.Date} committed"));

        // Under the daily cap: never more than 2 work items ran at once.
        var items = await host.Services.GetRequiredService<BackfillItemStore>().ReadAsync(DailyOrchestrator.InstanceIdOf(At("2030-01-14")), Cancel);
        Assert.True(items.Count >= 24, $"raw, staging, features of 8 days ran ({items.Count} items)");
        Assert.True(Intervals.MaxOverlap(items.Values.Select(i => (i.StartedAt, i.FinishedAt))) <= 2);

        // Features read every staging day they need: the oldest catchup day's raw started before the newest one's.
        Assert.True(items["raw/2030-01-05"].StartedAt <= items["raw/2030-01-11"].StartedAt);
        Assert.All(catchup, day => Assert.True(items[$"staging/{day}"].FinishedAt <= items[$"features/{day}"].StartedAt));
    }

    [Fact]
    public async Task DailyRun_FailedDay_KeepsTheWatermarkBackAndIsRetriedByTheNextRun()
    {
        var lake = new DailyLake(azurite.ConnectionString);
        var missing = Day("2031-02-06");
        await lake.LandAsync(DailyLake.Options(31, new MissingDayFault(missing.Date)), Day("2031-02-01"), Day("2031-02-09"), "gen");
        await using var host = await StartHostAsync();

        var before = await RunAsync(host, At("2031-02-07"));
        var failed = await RunAsync(host, At("2031-02-08"));
        var gap = await RunAsync(host, At("2031-02-09"));

        // The day's events land late (a producer outage), before the next run.
        var late = new EventGenerator(DailyLake.Options(31)).Generate(missing.Date)
            .Select(line => line with { ArrivalTime = missing.Date.ToDateTime(new TimeOnly(10, 0)).AddDays(3) });
        await lake.LandAsync("late-2031-02-06", late);
        var retried = await RunAsync(host, At("2031-02-10"));

        Assert.Equal(Day("2031-02-05"), before.CommittedWatermark);
        Assert.Equal(DailyOrchestrator.CompletedWithFailures, failed.Status);
        var failedDay = Assert.Single(failed.Days, d => d.Date == missing);
        Assert.False(failedDay.Committed);
        Assert.Contains("validation failed", failedDay.Layers[0].Error, StringComparison.Ordinal);
        Assert.Equal(Day("2031-02-05"), failed.CommittedWatermark);
        Assert.Equal(Day("2031-02-05"), gap.CommittedWatermark);
        Assert.Contains(gap.Days, d => d.Date == missing && d.Role == Core.Lineage.RunTrigger.Catchup && !d.Committed);
        Assert.Contains(gap.Days, d => d.Date == Day("2031-02-07") && d.Committed);

        Assert.Equal(DailyOrchestrator.Completed, retried.Status);
        Assert.Contains(retried.Days, d => d.Date == missing && d.Role == Core.Lineage.RunTrigger.Catchup && d.Committed);
        Assert.Equal(Day("2031-02-08"), retried.CommittedWatermark);

        // The day after the gap was built while the gap was empty; its features are rebuilt now that it is filled.
        Assert.Contains(retried.Days, d => d.Date == Day("2031-02-07") && d.Layers.Any(l => l.Layer == Core.Layers.Layer.Features && l.Succeeded));

        // Two runs failed on the same day: one alert. The watermark stalled at 02-05 for two days in the run of 02-09:
        // one alert, and none once the retry moved it on.
        var alerts = await OperationalAlertsAsync(host, "2031-02");
        var runFailed = Assert.Single(alerts, a => a.Kind == AlertKinds.DailyRunFailed);
        Assert.Equal(("raw", "2031-02-06", "daily-2031-02-08"), (runFailed.Dataset, runFailed.Partition, runFailed.RunId));
        var stalled = Assert.Single(alerts, a => a.Kind == AlertKinds.WatermarkStalled);
        Assert.Equal(("features_v1", "2031-02-05", "daily-2031-02-09"), (stalled.Dataset, stalled.Partition, stalled.RunId));
        Assert.Equal("watermark_stalled:features_v1:2031-02-05", stalled.DedupKey);
    }

    // The run's own alerts (validation failures are raised by the partition writes, and tested there).
    private static async Task<IReadOnlyList<AlertRecord>> OperationalAlertsAsync(EngineHost host, string month) =>
        [.. (await host.Services.GetRequiredService<AlertStore>().ListAsync(null, null, 1000, Cancel))
            .Where(a => a.Kind != AlertKinds.ValidationFailed && a.Partition?.StartsWith(month, StringComparison.Ordinal) == true)];

    [Fact]
    public async Task DailyRuns_TwelveDays_FeaturesEqualAFullRecomputeAndLateMetricsMatchTheGenerator()
    {
        // The default lateness distribution (up to 96 h late) over 12 simulated days, one daily run per day: enough for
        // every lateness band and every rolling re-run of the nine days checked.
        var lake = new DailyLake(azurite.ConnectionString);
        var landed = await lake.LandAsync(DailyLake.Options(32), Day("2032-03-01"), Day("2032-03-17"), "gen");
        await using var host = await StartHostAsync();

        // Twelve consecutive daily runs: watermarks 2032-03-04 .. 2032-03-15.
        DailyRunResult last = null!;
        for (var run = new DateOnly(2032, 3, 6); run <= new DateOnly(2032, 3, 17); run = run.AddDays(1))
        {
            last = await RunAsync(host, new DateTimeOffset(run.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
            Assert.True(last.Status == DailyOrchestrator.Completed, string.Join("; ", last.Days.SelectMany(d => d.Layers.Where(l => l.Error is not null).Select(l => $"{d.Date} {l.Layer}: {l.Error}"))));
        }

        Assert.Equal(Day("2032-03-15"), last.CommittedWatermark);

        // Every day past its last rolling reprocess (D-3 and older) has all its events (at most 96 h late): 0
        // mismatched rows, so rolling merges picked up the stragglers without counting any event twice.
        var final = Day("2032-03-12");
        for (var day = Day("2032-03-04"); day <= final; day = day.AddDays(1))
        {
            var expected = DailyLake.Recompute(landed, day);
            var live = await lake.LiveFeaturesAsync(day);
            Assert.Equal(expected.Count, live.Count);
            Assert.Equal(expected.OrderBy(r => r.EntityId, StringComparer.Ordinal), live.OrderBy(r => r.EntityId, StringComparer.Ordinal));
        }

        var metrics = (await host.Services.GetRequiredService<LateDataStore>().ReadAsync(Day("2032-03-04"), final, Cancel))
            .ToDictionary(m => m.Day);
        for (var day = Day("2032-03-04"); day <= final; day = day.AddDays(1))
        {
            var expected = Independent(landed, day);
            var m = metrics[day];
            Assert.Equal(expected.Bands, new[] { m.Landed.OnTime, m.Landed.Late0To24Hours, m.Landed.Late24To48Hours, m.Landed.LateOver48Hours });
            Assert.Equal(expected.Duplicates, m.Landed.Duplicates);
            Assert.Equal(expected.Malformed, m.Landed.Malformed);
            Assert.Equal(expected.AtFirstProcessing, m.IncludedAtFirstProcessing);
            Assert.Equal(expected.Bands.Sum() - expected.AtFirstProcessing, m.PickedUpByRolling);
            Assert.Equal((0, 0), (m.RepairedAfterWindow, m.BeyondWatermarkPending));
        }
    }

    [Fact]
    public async Task DailyRuns_EightBucketsEveryLayer_FeaturesEqualAFullRecompute()
    {
        // Five daily runs of a lake whose every dataset is split into 8 entity buckets: each day's raw, staging and
        // features run as bucket steps, with rolling merges on bucketed days. A run is about 130 steps, so the test keeps
        // to the runs that take the checked days through their last rolling merge (D+5: events land up to 96 h late),
        // on its own lake and its own emulator: on the one the other tests share, busy with their hubs, those steps once
        // stalled a status read past the storage client's timeout.
        await using var emulator = await Azurite.AzuriteServer.StartAsync(cancellationToken: Cancel);
        var own = Hosting.OwnLake.New();
        var lake = new DailyLake(emulator.ConnectionString, own.Options);
        var landed = await lake.LandAsync(DailyLake.Options(33), Day("2033-05-01"), Day("2033-05-13"), "gen");
        var settings = own.Settings;
        settings["Daily:MaxParallel"] = "3";
        settings["Backfill:RetryDelaySeconds"] = "1";
        foreach (var dataset in new[] { "raw", "staging", "features_v1" })
        {
            settings[$"Layout:Buckets:{dataset}"] = "8";
        }

        await using var host = await EngineHost.StartAsync(emulator.ConnectionString, TaskHubNames.New(), settings: settings);
        DailyRunResult last = null!;
        for (var run = new DateOnly(2033, 5, 6); run <= new DateOnly(2033, 5, 10); run = run.AddDays(1))
        {
            last = await RunAsync(host, new DateTimeOffset(run.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
            Assert.True(last.Status == DailyOrchestrator.Completed, string.Join("; ", last.Days.SelectMany(d => d.Layers.Where(l => l.Error is not null).Select(l => $"{d.Date} {l.Layer}: {l.Error}"))));
        }

        Assert.Equal(Day("2033-05-08"), last.CommittedWatermark);
        for (var day = Day("2033-05-04"); day <= Day("2033-05-05"); day = day.AddDays(1))
        {
            var expected = DailyLake.Recompute(landed, day);
            Assert.NotEmpty(expected);
            Assert.Equal(expected.OrderBy(r => r.EntityId, StringComparer.Ordinal), (await lake.LiveFeaturesAsync(day)).OrderBy(r => r.EntityId, StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task DailyRuns_LateDataBeyondTheRollingWindow_IsCountedQueuedAndRepairedByTheNextRun()
    {
        // One rolling day: a day is last reprocessed at date + 3 days, 02:00, so events 50-96 h late miss it.
        var lake = new DailyLake(azurite.ConnectionString);
        var landed = await lake.LandAsync(DailyLake.Options(33) with { EventsPerDay = 1000 }, Day("2033-04-01"), Day("2033-04-11"), "gen");
        await using var host = await StartHostAsync(rollingDays: 1);

        var runs = new List<DailyRunResult>();
        for (var run = 4; run <= 11; run++)
        {
            runs.Add(await RunAsync(host, At($"2033-04-{run:00}")));
            Assert.Equal(DailyOrchestrator.Completed, runs[^1].Status);
        }

        Assert.Contains(runs, r => r.RepairsQueued.Count > 0);
        Assert.Contains(runs, r => r.Days.Any(d => d.Role == Core.Lineage.RunTrigger.Repair && d.Layers.Count >= 2 && d.Layers.All(l => l.Succeeded)));

        // Days whose every late event has landed and been repaired: features equal the full recompute.
        var last = Day("2033-04-05");
        for (var day = Day("2033-04-02"); day <= last; day = day.AddDays(1))
        {
            var expected = DailyLake.Recompute(landed, day);
            Assert.Equal(expected.OrderBy(r => r.EntityId, StringComparer.Ordinal), (await lake.LiveFeaturesAsync(day)).OrderBy(r => r.EntityId, StringComparer.Ordinal));
        }

        // Each day found with beyond-watermark late events is alerted, once per reprocess it was late for.
        var lateAlerts = (await OperationalAlertsAsync(host, "2033-04")).Where(a => a.Kind == AlertKinds.LateBeyondWatermark).ToList();
        var queued = runs.SelectMany(r => r.RepairsQueued).ToList();
        Assert.Equal(queued.Distinct().Order().Select(d => d.ToString()), lateAlerts.Select(a => a.Partition!).Distinct().Order());
        Assert.InRange(lateAlerts.Count, queued.Distinct().Count(), queued.Count);

        var metrics = await host.Services.GetRequiredService<LateDataStore>().ReadAsync(Day("2033-04-02"), last, Cancel);
        Assert.Equal(4, metrics.Count);
        Assert.True(metrics.Sum(m => m.RepairedAfterWindow) > 0, "some events were repaired after the window");
        foreach (var m in metrics)
        {
            var expected = Independent(landed, m.Day);
            var rollingAt = m.Day.Date.ToDateTime(new TimeOnly(2, 0)).AddDays(3);
            Assert.Equal(expected.AtFirstProcessing, m.IncludedAtFirstProcessing);
            Assert.Equal(expected.FirstArrivals.Count(a => a >= m.Day.Date.ToDateTime(new TimeOnly(2, 0)).AddDays(2) && a < rollingAt), m.PickedUpByRolling);
            Assert.Equal(expected.FirstArrivals.Count(a => a >= rollingAt), m.RepairedAfterWindow);
            Assert.Equal(0, m.BeyondWatermarkPending);
            Assert.Equal(expected.Bands.Sum(), m.Included);
        }
    }

    [Fact]
    public async Task Backfill_RecordsEachDaysLateMetricsAsOfItsPinnedTime()
    {
        var lake = new DailyLake(azurite.ConnectionString);
        var landed = await lake.LandAsync(DailyLake.Options(34) with { EventsPerDay = 500 }, Day("2034-05-01"), Day("2034-05-04"), "gen");
        await using var host = await StartHostAsync();

        // Pinned well after the last arrival: the backfill reads every landed event, and is each day's first build.
        var spec = new BackfillSpec("2034-05-01..2034-05-04", "features_v1", [Core.Layers.Layer.Raw, Core.Layers.Layer.Staging], 1, 3,
            Storage.Commits.WriteMode.Overwrite, PartitionOrder.Ascending, 2, 1, false, Core.Versioning.CodeVersion.Current.Value,
            Core.Features.FeatureVersions.V1.ConfigHash, At("2034-05-12"));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(BackfillOrchestrator), new BackfillState(spec, string.Empty, spec.MaxParallel, false, spec.SubmittedAt, 0, 0, 0, null, 30), Cancel);
        var done = await Orchestrations.EndedAsync(host.Client, id, TimeSpan.FromMinutes(6));
        Assert.Equal(BackfillStatus.Completed, done.ReadOutputAs<BackfillProgress>()!.Status);

        var metrics = await host.Services.GetRequiredService<LateDataStore>().ReadAsync(Day("2034-05-01"), Day("2034-05-04"), Cancel);
        Assert.Equal(4, metrics.Count);
        foreach (var m in metrics)
        {
            var expected = Independent(landed, m.Day);
            Assert.Equal(expected.Bands, new[] { m.Landed.OnTime, m.Landed.Late0To24Hours, m.Landed.Late24To48Hours, m.Landed.LateOver48Hours });
            Assert.Equal((expected.Duplicates, expected.Malformed), (m.Landed.Duplicates, m.Landed.Malformed));
            Assert.Equal((expected.Bands.Sum(), expected.Bands.Sum()), (m.IncludedAtFirstProcessing, m.Included));
            Assert.Equal((0, 0, 0), (m.PickedUpByRolling, m.RepairedAfterWindow, m.BeyondWatermarkPending));
            Assert.Equal(At("2034-05-12"), m.LastProcessedAt);
        }
    }

    // Counted from the generator's lines by arrival date, without the metrics code: first copy of each event
    // id decides its band; the day is first processed at date + 2 days, 02:00 (lag 2), reading hours that ended by then.
    private static (long[] Bands, long Duplicates, long Malformed, long AtFirstProcessing, IReadOnlyCollection<DateTime> FirstArrivals) Independent(IReadOnlyList<GeneratedLine> landed, Day day)
    {
        var firstArrival = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        long copies = 0, malformed = 0;
        foreach (var line in landed)
        {
            var parsed = EventLine.Parse(line.Text);
            if (parsed.Event is { } e)
            {
                if (e.EventDate != day.Date)
                {
                    continue;
                }

                copies++;
                firstArrival[e.EventId] = firstArrival.TryGetValue(e.EventId, out var seen) && seen <= line.ArrivalTime ? seen : line.ArrivalTime;
            }
            else if (DateOnly.FromDateTime(parsed.EventTime ?? line.ArrivalTime) == day.Date)
            {
                malformed++;
            }
        }

        var bands = new long[4];
        foreach (var arrival in firstArrival.Values)
        {
            bands[Math.Min(3, DateOnly.FromDateTime(arrival).DayNumber - day.Date.DayNumber)]++;
        }

        var firstProcessing = day.Date.ToDateTime(new TimeOnly(2, 0)).AddDays(2);
        return (bands, copies - firstArrival.Count, malformed, firstArrival.Values.Count(arrival => arrival < firstProcessing), firstArrival.Values);
    }
}

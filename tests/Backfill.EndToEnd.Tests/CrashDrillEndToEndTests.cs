using System.Diagnostics;
using System.Globalization;
using Backfill.Storage.Commits;
using Backfill.Testing;
using Backfill.Workflows.Models;

namespace Backfill.EndToEnd.Tests;

/// <summary>
/// Crash drills on the real local host process: the host alone dies (SIGKILL, no shutdown code) while Azurite, a
/// separate process, keeps running; a restarted host finishes the backfill. Afterwards every live commit's lineage
/// row says published, the content equals the undisturbed run's, and every item is counted once, as succeeded.
/// </summary>
public sealed class CrashDrillEndToEndTests(CrashDrillFixture fixture) : IClassFixture<CrashDrillFixture>
{
    /// <summary>How many times the random-kill drill runs (environment variable; 1 by default, so CI stays fast).</summary>
    public const string RepeatsVariable = "BACKFILL_KILL_DRILL_REPEATS";

    private const int DrillDays = 10;

    [Fact]
    public async Task KillBetweenManifestAndLineageWrite_RestartedHost_RepairsLineageAndCountsItemOnce()
    {
        var settings = await fixture.NewLakeAsync("drill");
        const string Killed = "staging/2025-01-05";
        var first = await LocalHostProcess.StartAsync(new Dictionary<string, string>(settings) { ["Backfill:FaultHooks:ExitAfterManifestWrite"] = Killed });
        var id = await BackfillApi.StartAsync(first, CrashDrillFixture.Request(DrillDays));
        await WaitForExitAsync(first.ProcessId);
        await first.DisposeAsync();

        var lake = new DrillLake(fixture.ConnectionString, settings);
        var atCrash = await lake.LiveAsync(CrashDrillFixture.First, DrillDays);
        await using var second = await LocalHostProcess.StartAsync(settings);
        var done = await BackfillApi.WaitAsync(second, id, timeout: CrashDrillFixture.Patience);
        var live = await lake.LiveAsync(CrashDrillFixture.First, DrillDays);

        // The hook fired in the window: the partition was live while its lineage row still said staged.
        Assert.Equal(CommitStatus.Staged, atCrash[Killed].Lineage);
        Assert.Equal(BackfillStatus.Completed, done.Status);
        Assert.Equal(new BackfillCounts(DrillDays * 3, 0, 0, DrillDays * 3, 0, 0, 0), done.Counts);
        var item = Assert.Single(done.Items!, i => $"{i.Layer}/{i.Date}" == Killed);
        Assert.Equal(("succeeded", true), (item.Status, item.Redelivered));
        AssertConverged(live, DrillDays);
        Assert.Contains($"marked published", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThreeRandomKillNines_DrillBackfill_SameResultsEveryTime()
    {
        var repeats = int.TryParse(Environment.GetEnvironmentVariable(RepeatsVariable), CultureInfo.InvariantCulture, out var n) ? n : 1;
        var total = CrashDrillFixture.Days * 3;
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            var settings = await fixture.NewLakeAsync("kill");
            var random = new Random();
            // Three kills at random points of progress, each after the restarted host finished at least one more item.
            var killAt = Enumerable.Range(0, 3).Select(_ => random.Next(1, total)).Order().ToArray();
            var host = await LocalHostProcess.StartAsync(settings);
            var clock = Stopwatch.StartNew();
            try
            {
                var id = await BackfillApi.StartAsync(host, CrashDrillFixture.Request(CrashDrillFixture.Days));
                var finished = 0;
                foreach (var threshold in killAt)
                {
                    var view = await BackfillApi.WaitAsync(
                        host, id, v => BackfillApi.IsFinished(v) || v.Counts.Succeeded > Math.Max(threshold, finished), CrashDrillFixture.Patience);
                    finished = view.Counts.Succeeded;
                    host.KillHard();
                    await host.DisposeAsync();
                    host = await LocalHostProcess.StartAsync(settings);
                }

                var done = await BackfillApi.WaitAsync(host, id, timeout: CrashDrillFixture.Patience);
                var live = await new DrillLake(fixture.ConnectionString, settings).LiveAsync(CrashDrillFixture.First, CrashDrillFixture.Days);
                TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"kill drill {repeat + 1}/{repeats}: kills after {string.Join(", ", killAt)} items, {clock.Elapsed.TotalSeconds:F0} s, "
                    + $"{done.Items!.Count(i => i.Redelivered)} redelivered, {live.Values.Count(c => c.Lineage != CommitStatus.Published)} unpublished rows"));

                Assert.Equal(BackfillStatus.Completed, done.Status);
                Assert.Equal(new BackfillCounts(total, 0, 0, total, 0, 0, 0), done.Counts);
                Assert.All(done.Items!, i => Assert.Equal("succeeded", i.Status));
                AssertConverged(live, CrashDrillFixture.Days);
            }
            finally
            {
                await host.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task TwoHostsOneTaskHubEightBuckets_OneKilledMidRun_CompletesWithTheCleanRunsRows()
    {
        // Two hosts on one task hub and one lake, every dataset split into 8 buckets: both take bucket steps from the
        // shared queue. One dies (SIGKILL) once both have staged buckets and a third of the items are done; the other
        // finishes the backfill alone.
        var settings = await fixture.NewLakeAsync("pair");
        foreach (var dataset in DrillLake.Datasets)
        {
            settings[$"Layout:Buckets:{dataset}"] = "8";
        }

        var lake = new DrillLake(fixture.ConnectionString, settings);
        var killed = await LocalHostProcess.StartAsync(settings);
        await using var survivor = await LocalHostProcess.StartAsync(settings);
        try
        {
            var id = await BackfillApi.StartAsync(killed, CrashDrillFixture.Request(DrillDays));
            var workers = new[] { killed.ProcessId, survivor.ProcessId }.Select(pid => string.Create(CultureInfo.InvariantCulture, $"/{pid}")).ToList();
            await Eventually.UntilAsync(
                "both hosts to have staged buckets",
                async _ => await lake.BucketWorkersAsync(),
                staged => workers.All(worker => staged!.Any(w => w.EndsWith(worker, StringComparison.Ordinal))),
                CrashDrillFixture.Patience);
            var atKill = await BackfillApi.WaitAsync(survivor, id, v => BackfillApi.IsFinished(v) || v.Counts.Succeeded >= DrillDays, CrashDrillFixture.Patience);
            killed.KillHard();

            var done = await BackfillApi.WaitAsync(survivor, id, timeout: CrashDrillFixture.Patience);
            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"killed after {atKill.Counts.Succeeded} of {DrillDays * 3} items; {done.Items!.Count(i => i.Redelivered)} redelivered"));
            Assert.True(atKill.Counts.Succeeded < DrillDays * 3, "the kill came before the backfill ended");
            Assert.Equal(BackfillStatus.Completed, done.Status);
            Assert.Equal(new BackfillCounts(DrillDays * 3, 0, 0, DrillDays * 3, 0, 0, 0), done.Counts);
            var live = await lake.LiveAsync(CrashDrillFixture.First, DrillDays);
            Assert.All(live, p => Assert.True(p.Value.Lineage == CommitStatus.Published, $"{p.Key}: live commit's lineage says {p.Value.Lineage}"));
            var clean = await new DrillLake(fixture.ConnectionString, fixture.CleanSettings).RowsAsync(CrashDrillFixture.First, DrillDays);
            var rows = await lake.RowsAsync(CrashDrillFixture.First, DrillDays);
            Assert.Equal(DrillDays * DrillLake.Datasets.Length, rows.Count);
            Assert.All(rows, p => Assert.True(clean[p.Key].SequenceEqual(p.Value), $"{p.Key}: rows differ from the undisturbed whole-day run"));
        }
        finally
        {
            await killed.DisposeAsync();
        }
    }

    private void AssertConverged(IReadOnlyDictionary<string, (string ContentHash, CommitStatus? Lineage)> live, int days)
    {
        Assert.Equal(days * DrillLake.Datasets.Length, live.Count);
        Assert.All(live, p => Assert.True(p.Value.Lineage == CommitStatus.Published, $"{p.Key}: live commit's lineage says {p.Value.Lineage}"));
        Assert.All(live, p => Assert.True(fixture.Clean[p.Key] == p.Value.ContentHash, $"{p.Key}: content differs from the undisturbed run"));
    }

    private static async Task WaitForExitAsync(int processId)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(CrashDrillFixture.Patience);
        try
        {
            using var process = Process.GetProcessById(processId);
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }
}

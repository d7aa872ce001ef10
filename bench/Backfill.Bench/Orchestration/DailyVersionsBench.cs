using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Backfill.Azurite;
using Backfill.Core.Features;
using Backfill.Core.Generation;
using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Storage.Landing;
using Backfill.Storage.Layout;
using Backfill.Workflows.Api;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Backfill.Bench.Orchestration;

/// <summary>
/// The extra cost of a daily run per additional built version: the same daily runs, on the real data plane and the
/// same landed events, in two lakes side by side, one building features_v1 alone and one also building features_v2
/// as a candidate. Raw and staging are shared, so only the features layer is added.
/// </summary>
internal static class DailyVersionsBench
{
    private const int WarmUpRuns = 3;

    public static async Task RunAsync(string[] args)
    {
        var settings = BenchSettings.Parse(args, new BenchSettings(2_000, 500, 5));
        var first = Day.Parse("2025-01-01");

        // Each run processes its watermark (asOf - 2) and rolls the 3 days before it; the first runs fill those days.
        var runs = Enumerable.Range(0, WarmUpRuns + settings.Iterations).Select(i => new DateTimeOffset(first.AddDays(5 + i).Date.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero)).ToList();
        var last = Day.Parse(runs[^1].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Console.WriteLine($"daily runs with 1 and 2 built versions, {settings.EventsPerDay:N0} events/day, {settings.Entities:N0} entities (the demo's size by default), "
            + $"{Environment.ProcessorCount} cores, {settings.Iterations} runs each after {WarmUpRuns} warm-up runs, interleaved");

        await using var azurite = await AzuriteServer.StartAsync();
        var generated = Enumerable.Range(0, last.Date.DayNumber - first.Date.DayNumber + 1).Select(first.AddDays)
            .Select(day => (Day: day, Lines: new EventGenerator(new EventGeneratorOptions { Seed = 7, EventsPerDay = settings.EventsPerDay, EntityCount = settings.Entities })
                .Generate(day.Date).ToList()))
            .ToList();
        await using var hostOne = await StartAsync(azurite.ConnectionString, "one", generated);
        await using var hostTwo = await StartAsync(azurite.ConnectionString, "two", generated);
        await hostTwo.Client.Entities.SignalEntityAsync(
            VersionRegistryEntity.Features, nameof(VersionRegistryEntity.Register), new VersionRegistration(FeatureVersions.V2.Name, FeatureVersions.V1.Name));

        var one = new List<Sample>();
        var two = new List<Sample>();
        for (var i = 0; i < runs.Count; i++)
        {
            // Alternate which lake runs first, so drift in the machine's load falls on both.
            var (ahead, behind) = i % 2 == 0 ? (hostOne, hostTwo) : (hostTwo, hostOne);
            var a = await DailyRunAsync(ahead, runs[i]);
            var b = await DailyRunAsync(behind, runs[i]);
            var (sampleOne, sampleTwo) = ahead == hostOne ? (a, b) : (b, a);
            if (i >= WarmUpRuns)
            {
                one.Add(sampleOne);
                two.Add(sampleTwo);
                Console.WriteLine($"asOf {runs[i]:yyyy-MM-dd}: 1 version {sampleOne}; 2 versions {sampleTwo}");
            }
        }

        var (wallOne, wallTwo) = (Median(one.Select(s => s.Wall)), Median(two.Select(s => s.Wall)));
        var (workOne, workTwo) = (Median(one.Select(s => s.Work)), Median(two.Select(s => s.Work)));
        Console.WriteLine();
        Console.WriteLine($"median daily run, 1 version: {wallOne.TotalMilliseconds:F0} ms wall, {workOne.TotalMilliseconds:F0} ms of work items ({one[^1].Items} items)");
        Console.WriteLine($"median daily run, 2 versions: {wallTwo.TotalMilliseconds:F0} ms wall, {workTwo.TotalMilliseconds:F0} ms of work items ({two[^1].Items} items)");
        Console.WriteLine($"extra per additional built version: wall {wallTwo / wallOne - 1:+0.0%;-0.0%}, work items {workTwo / workOne - 1:+0.0%;-0.0%}   goal <= +35%");

        // Raw and staging are the same work in both lakes; what a version adds is its features items. Per interleaved pair, so load drift cancels.
        var added = Median(one.Zip(two, (o, t) => (t.FeaturesWork - o.FeaturesWork) / o.Work));
        Console.WriteLine($"features work the second version adds, over the 1-version run's work (median of pairs): {added:+0.0%;-0.0%}   goal <= +35%");
    }

    private static T Median<T>(IEnumerable<T> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static async Task<BenchHost> StartAsync(string connectionString, string name, IReadOnlyList<(Day Day, List<GeneratedLine> Lines)> generated)
    {
        var options = new LakeSettings { ContainerName = "bench-" + name, LineageTableName = "benchlineage" + name };
        var lake = new LakeStorage(new BlobServiceClient(connectionString), new TableServiceClient(connectionString), options, TimeProvider.System);
        await lake.EnsureCreatedAsync(CancellationToken.None);
        foreach (var (day, lines) in generated)
        {
            await new LandingWriter(lake).WriteAsync($"gen-{day}", lines, CancellationToken.None);
        }

        return await BenchHost.StartAsync(connectionString, TimingRunner.Decorate, new Dictionary<string, string?>
        {
            ["Lake:ContainerName"] = options.ContainerName,
            ["Lake:LineageTableName"] = options.LineageTableName,
            ["Daily:TimerEnabled"] = "false",
        });
    }

    private static async Task<Sample> DailyRunAsync(BenchHost host, DateTimeOffset asOf)
    {
        var timing = host.Services.GetRequiredService<TimingRunner>();
        timing.Take();
        var clock = Stopwatch.StartNew();
        var (id, _) = await host.Services.GetRequiredService<DailyRunStarter>().StartAsync(host.Client, asOf, CancellationToken.None);
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        clock.Stop();
        var result = done.ReadOutputAs<DailyRunResult>();
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed || result?.Status != DailyOrchestrator.Completed)
        {
            throw new InvalidOperationException($"daily run {id} ended {done.RuntimeStatus} {result?.Status}: {done.FailureDetails?.ErrorMessage}");
        }

        var work = timing.Take();
        return new Sample(clock.Elapsed, work.Values.Aggregate(TimeSpan.Zero, (sum, t) => sum + t), work.GetValueOrDefault(Layer.Features), result.Days.Sum(day => day.Layers.Count));
    }

    private sealed record Sample(TimeSpan Wall, TimeSpan Work, TimeSpan FeaturesWork, int Items)
    {
        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture, $"{Wall.TotalMilliseconds,6:F0} ms wall, {Work.TotalMilliseconds,5:F0} ms work ({FeaturesWork.TotalMilliseconds,4:F0} features), {Items} items");
    }
}

using System.Diagnostics;
using Backfill.Azurite;
using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Versioning;
using Backfill.Storage.Commits;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Backfill.Bench.Orchestration;

/// <summary>
/// What telemetry costs a backfill: the orchestration overhead per no-op item with nothing listening and with
/// <c>AddBackfillTelemetry</c> recording every span and metric (to in-memory exporters), hosts alternating in one run.
/// The instruments are process-wide, so only one host lives at a time.
/// </summary>
internal static class TelemetryBench
{
    public static async Task RunAsync(string[] args)
    {
        var settings = BenchSettings.Parse(args, new BenchSettings(0, 0, 3));
        const int Items = 200;
        const int Cap = 16;
        Console.WriteLine($"telemetry overhead: {Items} no-op items per backfill, cap {Cap}, {settings.Iterations} rounds, hosts alternating, "
            + $"{Environment.ProcessorCount} cores");
        await using var azurite = await AzuriteServer.StartAsync();
        var without = new List<double>();
        var with = new List<double>();
        for (var round = 0; round <= settings.Iterations; round++)
        {
            // Round 0 warms up the engine and Azurite; it is not counted.
            var plain = await PerItemAsync(azurite.ConnectionString, telemetry: false, round, Items, Cap);
            var traced = await PerItemAsync(azurite.ConnectionString, telemetry: true, round, Items, Cap);
            if (round > 0)
            {
                without.Add(plain);
                with.Add(traced);
                Console.WriteLine($"  round {round}: without {plain:F1} ms/item, with {traced:F1} ms/item, ratio {traced / plain:F3}");
            }
        }

        var median = (Without: Median(without), With: Median(with));
        Console.WriteLine($"median per no-op item: without {median.Without:F1} ms, with telemetry {median.With:F1} ms, "
            + $"ratio {median.With / median.Without:F3} (goal <= 1.10)");
    }

    private static async Task<double> PerItemAsync(string connectionString, bool telemetry, int round, int items, int cap)
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        var work = new TimedWork();
        await using var host = await BenchHost.StartAsync(connectionString, services =>
        {
            services.AddSingleton(work);
            services.AddSingleton<Backfill.Workflows.Activities.IWorkItemRunner>(new SleepingRunner(work));
            if (telemetry)
            {
                services.AddBackfillTelemetry()
                    .WithTracing(tracing => tracing.AddInMemoryExporter(spans))
                    .WithMetrics(meters => meters.AddInMemoryExporter(metrics));
            }
        });

        // Each round its own days: a backfill never meets another's claims or partitions.
        var first = Day.Parse("2001-01-01").AddDays((round * 2 + (telemetry ? 1 : 0)) * items);
        var spec = new BackfillSpec($"{first}..{first.AddDays(items - 1)}", "features_v1", [Layer.Raw], 28, cap, WriteMode.Overwrite,
            PartitionOrder.Ascending, 0, 0, false, CodeVersion.Current.Value, "bench", DateTimeOffset.UnixEpoch);
        var clock = Stopwatch.StartNew();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(BackfillOrchestrator), new BackfillState(spec, string.Empty, cap, false, DateTimeOffset.UnixEpoch, 0, 0, 0, null));
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        var elapsed = clock.Elapsed.TotalMilliseconds / items;
        if (done.ReadOutputAs<BackfillProgress>()?.Status != BackfillStatus.Completed || work.Count != items)
        {
            throw new InvalidOperationException($"Benchmark backfill {id} did not run its {items} items.");
        }

        if (telemetry && spans.Count(span => span.OperationName == "backfill.work_item") != items)
        {
            throw new InvalidOperationException($"Expected {items} work-item spans, got {spans.Count}: telemetry was not recording.");
        }

        return elapsed;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}

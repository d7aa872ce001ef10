using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Backfill.Azurite;
using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using Backfill.Core.Versioning;
using Backfill.Storage.Commits;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;

namespace Backfill.Bench.Orchestration;

/// <summary>
/// The backfill orchestration against the naive and the bare alternatives, on one engine in one run:
/// slot efficiency, per-item overhead, plan time, largest history, and host memory.
/// </summary>
internal static class OrchestrationBench
{
    private static readonly Layer[] AllLayers = [Layer.Raw, Layer.Staging, Layer.Features];

    /// <param name="quick">A 365-day scale run and fewer slot items.</param>
    /// <param name="buckets">Each dataset's bucket count in the scale run.</param>
    /// <param name="days">The scale run's days, instead of the mode's.</param>
    /// <param name="generations">
    /// Stops the scale run once it has continued as new this many times: a plan too long to run here still shows its
    /// first generations' histories and the host's memory while the whole plan is held.
    /// </param>
    /// <param name="maxParallel">The scale run's max parallel (16 unless given).</param>
    public static async Task RunAsync(bool quick, int buckets = 1, int? days = null, int? generations = null, int? maxParallel = null)
    {
        var scaleDays = days ?? (quick ? 365 : 3_650);
        var slotItems = quick ? 24 : 60;
        Console.WriteLine($"orchestration benchmarks ({(quick ? "quick" : "full")}), {Environment.ProcessorCount} cores");
        PlanTime(scaleDays);

        // Two emulators (queues on disk, blobs and tables in memory), so neither stalls a long run.
        await using var azurite = await SplitAzurite.StartAsync();
        await RunOnAsync(azurite.ConnectionString, buckets, scaleDays, slotItems, generations, maxParallel);
    }

    private static async Task RunOnAsync(string connectionString, int buckets, int scaleDays, int slotItems, int? generations, int? maxParallel)
    {
        var work = new TimedWork();
        var runner = new SleepingRunner(work);
        var startClock = Stopwatch.StartNew();
        await using var host = await BenchHost.StartAsync(connectionString, work, runner);
        var started = startClock.Elapsed;
        var first = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BareWindowOrchestrator), new BenchFanOut([0], 1));
        await host.Client.WaitForInstanceStartAsync(first);
        Console.WriteLine($"host start to first orchestration running: {startClock.Elapsed.TotalSeconds:F2} s (engine started after {started.TotalSeconds:F2} s; goal < 5 s)");
        await host.Client.WaitForInstanceCompletionAsync(first);

        await SlotEfficiencyAsync(host, work, runner, slotItems);
        await OverheadAsync(host, work, runner, items: 200);
        await ScaleAsync(host, work, runner, scaleDays, buckets, generations, maxParallel ?? 16);
        Console.WriteLine($"host peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB (goal <= 500 MiB, includes the benchmark itself)");
    }

    private static void PlanTime(int days)
    {
        var set = PartitionSetParser.Parse($"2015-01-01..{Day.Parse("2015-01-01").AddDays(days - 1)}", new PartitionSetParseOptions { MaxDays = days });
        var times = Enumerable.Range(0, 5).Select(_ =>
        {
            var clock = Stopwatch.StartNew();
            var plan = Planner.Create(set, AllLayers, new LayerDependencies(28), PartitionOrder.Ascending);
            return (clock.Elapsed, plan.Items.Count);
        }).ToList();
        var median = times.Select(t => t.Elapsed).Order().ElementAt(2);
        Console.WriteLine($"plan {times[0].Count:N0} items ({days:N0} days x 3 layers, window 28): median {median.TotalMilliseconds:F0} ms (goal <= 1000 ms)");
    }

    private static async Task SlotEfficiencyAsync(BenchHost host, TimedWork work, SleepingRunner runner, int items)
    {
        const int cap = 3;
        var random = new Random(42);
        var durations = Enumerable.Range(0, items).Select(_ => random.Next(1_000, 4_001)).ToArray();

        work.Clear();
        await RunAsync(host, nameof(BatchBarrierOrchestrator), new BenchFanOut(durations, cap));
        var barrier = (Efficiency: work.SlotEfficiency(cap), work.Makespan, work.MaxOverlap);

        work.Clear();
        var days = $"2020-01-01..{Day.Parse("2020-01-01").AddDays(items - 1)}";
        runner.WorkMs = request => durations[request.Item.Partition.Date.DayNumber - Day.Parse("2020-01-01").Date.DayNumber];
        await RunBackfillAsync(host, days, [Layer.Raw], cap);
        var ours = (Efficiency: work.SlotEfficiency(cap), work.Makespan, work.MaxOverlap);

        Console.WriteLine($"slot efficiency, {items} items of seeded 1-4 s work, cap {cap}:");
        Console.WriteLine($"  batch barrier   {barrier.Efficiency:F3}  makespan {barrier.Makespan.TotalSeconds:F1} s  max in flight {barrier.MaxOverlap}");
        Console.WriteLine($"  backfill (ours) {ours.Efficiency:F3}  makespan {ours.Makespan.TotalSeconds:F1} s  max in flight {ours.MaxOverlap}  (goal >= 0.95)");
        Console.WriteLine($"  ratio ours / barrier: {ours.Efficiency / barrier.Efficiency:F2}x");
    }

    private static async Task OverheadAsync(BenchHost host, TimedWork work, SleepingRunner runner, int items)
    {
        const int cap = 16;
        runner.WorkMs = _ => 0;
        var bare = Stopwatch.StartNew();
        await RunAsync(host, nameof(BareWindowOrchestrator), new BenchFanOut(new int[items], cap));
        var bareMs = bare.Elapsed.TotalMilliseconds / items;

        var ours = Stopwatch.StartNew();
        await RunBackfillAsync(host, $"2021-01-01..{Day.Parse("2021-01-01").AddDays(items - 1)}", [Layer.Raw], cap);
        var oursMs = ours.Elapsed.TotalMilliseconds / items;
        Console.WriteLine($"overhead per no-op item, {items} items, cap {cap}: bare window {bareMs:F1} ms, backfill {oursMs:F1} ms, ratio {oursMs / bareMs:F2}x (goal <= 2x)");
    }

    private static async Task ScaleAsync(BenchHost host, TimedWork work, SleepingRunner runner, int days, int buckets, int? generations, int maxParallel)
    {
        runner.WorkMs = _ => 0;
        work.Clear();
        var clock = Stopwatch.StartNew();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(BackfillOrchestrator), State($"2010-01-01..{Day.Parse("2010-01-01").AddDays(days - 1)}", maxParallel, AllLayers, buckets));
        var largest = 0;
        var finished = new FinishedDays(host);
        BackfillProgress? progress = null;
        while (true)
        {
            var metadata = await host.Client.GetInstanceAsync(id);
            largest = Math.Max(largest, await HistoryEventsAsync(host, id));
            await finished.ReapAsync();
            progress = metadata?.SerializedCustomStatus is { } status ? JsonDataConverter.Default.Deserialize<BackfillProgress>(status) : progress;
            if (metadata is { IsCompleted: true })
            {
                progress = (await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true)).ReadOutputAs<BackfillProgress>()!;
                break;
            }

            if (progress?.Generation >= generations || host.Stopping.IsCancellationRequested)
            {
                await host.Client.TerminateInstanceAsync(id);
                break;
            }

            await Task.WhenAny(Task.Delay(2_000, host.Stopping));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scale: {days:N0} days x 3 layers x {buckets} bucket(s) = {progress!.Counts.Total:N0} items at max parallel {maxParallel}, {progress.Status}, {progress.Generation + 1} generations"
            + $"{(progress.Status == BackfillStatus.Running ? $" (stopped there: {progress.Counts.Succeeded:N0} items done)" : "")}, "
            + $"{clock.Elapsed.TotalSeconds:F0} s; largest history sampled {largest:N0} events (goal <= 5,000)"));
        if (buckets > 1)
        {
            await finished.ReapAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  bucketed days: {finished.Count:N0} finished, largest history {finished.Largest:N0} events (goal <= 5,000; each read when it finished, then purged)"));
        }
    }

    internal static async Task<int> HistoryEventsAsync(BenchHost host, string id)
    {
        var json = await host.Engine.GetOrchestrationHistoryAsync(id, null);
        using var history = JsonDocument.Parse(json);
        return history.RootElement.ValueKind == JsonValueKind.Array ? history.RootElement.GetArrayLength() : 0;
    }

    private static async Task RunBackfillAsync(BenchHost host, string days, Layer[] layers, int cap)
    {
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BackfillOrchestrator), State(days, cap, layers));
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, host.Stopping);
        var status = done.ReadOutputAs<BackfillProgress>()?.Status;
        if (status != BackfillStatus.Completed)
        {
            throw new InvalidOperationException($"Benchmark backfill ended {status}.");
        }
    }

    private static async Task RunAsync(BenchHost host, string orchestrator, BenchFanOut input)
    {
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input);
        await host.Client.WaitForInstanceCompletionAsync(id, host.Stopping);
    }

    private static BackfillState State(string days, int cap, Layer[] layers, int buckets = 1)
    {
        var spec = new BackfillSpec(days, "features_v1", layers, 28, cap, WriteMode.Overwrite, PartitionOrder.Ascending, 0, 0, false,
            CodeVersion.Current.Value, "bench", DateTimeOffset.UnixEpoch,
            Buckets: buckets == 1 ? null : new Dictionary<string, int> { ["raw"] = buckets, ["staging"] = buckets, ["features_v1"] = buckets });
        return new BackfillState(spec, string.Empty, cap, false, DateTimeOffset.UnixEpoch, 0, 0, 0, null);
    }
}

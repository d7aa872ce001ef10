using System.Globalization;
using Backfill.Core.Buckets;
using Backfill.Core.Building;
using Backfill.Core.Features;
using Backfill.Core.Partitions;
using Backfill.Storage.Parquet;

namespace Backfill.Bench;

/// <summary>
/// One features day built whole (B = 1) against the same day split into entity buckets, on the same generated
/// files: (a) DuckDB over 7 days of events, (b) the whole day as one work item, (c) one bucket's work item (what one
/// worker holds at once), (d) every bucket's work item one after another (the day's total work). Side by side in one
/// run, so the ratios hold on a loaded machine.
/// </summary>
internal static class BucketBench
{
    public static async Task RunAsync(string[] args)
    {
        var (buckets, others) = BucketOption.Parse(args);
        var settings = BenchSettings.Parse(others, new BenchSettings(1_000_000, 200_000, 3));
        var cancellationToken = CancellationToken.None;
        var first = Day.Parse("2025-01-01");
        var day = first.AddDays(6);
        var folder = Directory.CreateTempSubdirectory("backfill-buckets-").FullName;
        Console.WriteLine($"features_v1({day}) from 7 days x {settings.EventsPerDay:N0} events/day, {settings.Entities:N0} entities, B = 1 vs B = {buckets}, "
            + $"{Environment.ProcessorCount} cores, median of {settings.Iterations} runs after a warm-up");
        try
        {
            var staged = await StagedDays.CreateAsync(settings, first, 7, folder, cancellationToken);
            var whole = staged.Select(s => (s.Day, Bytes: File.ReadAllBytes(s.RollupPath))).ToList();

            // The bucket files staging writes at B buckets: each day's rollups split by entity bucket.
            var split = new List<(Day Day, byte[][] Buckets)>();
            foreach (var (stagedDay, bytes) in whole)
            {
                var rollups = await RollupParquet.ReadAsync(new MemoryStream(bytes, writable: false), stagedDay.Date, cancellationToken);
                var parts = BucketSplit.Split(rollups, rollup => rollup.EntityId, buckets);
                split.Add((stagedDay, await Task.WhenAll(parts.Select(async part => (await RollupParquet.WriteAsync(part, cancellationToken)).ToArray()))));
            }

            var features = new FeatureParquet(FeatureVersions.V1);
            async Task<string> BuildAsync(IEnumerable<(Day Day, byte[] Bytes)> files)
            {
                var rollups = await Task.WhenAll(files.Select(file =>
                    Task.Run(() => RollupParquet.ReadAsync(new MemoryStream(file.Bytes, writable: false), file.Day.Date, cancellationToken))));
                var rows = FeatureBuilder.Build(FeatureVersions.V1, day, rollups);
                var written = await features.WriteAsync(rows, cancellationToken);
                return string.Create(CultureInfo.InvariantCulture, $"{rows.Count:N0} rows, {written.Length / 1048576.0:F1} MiB");
            }

            var duckDb = await Measured("(a) DuckDB, 7 days of events", settings.Iterations, () =>
                Task.FromResult(DuckDbFeatures.Compute(staged, day, Path.Combine(folder, "duckdb-features.parquet"))));
            var wholeDay = await Measured("(b) whole day, one item", settings.Iterations, () => BuildAsync(whole));
            var oneBucket = await Measured($"(c) one bucket of {buckets}", settings.Iterations, () => BuildAsync(split.Select(d => (d.Day, d.Buckets[0]))));
            var allBuckets = await Measured($"(d) all {buckets} buckets, in turn", settings.Iterations, async () =>
            {
                var checks = new List<string>();
                for (var bucket = 0; bucket < buckets.Value; bucket++)
                {
                    checks.Add(await BuildAsync(split.Select(d => (d.Day, d.Buckets[bucket]))));
                }

                return string.Create(CultureInfo.InvariantCulture, $"{checks.Sum(check => long.Parse(check[..check.IndexOf(' ', StringComparison.Ordinal)], NumberStyles.AllowThousands, CultureInfo.InvariantCulture)):N0} rows");
            });

            Console.WriteLine();
            Console.WriteLine($"{"phase",-34} {"median",10} {"CPU",10} {"allocated",12} {"peak RSS +",10}  check");
            foreach (var (measurement, cpu) in new[] { duckDb, wholeDay, oneBucket, allBuckets })
            {
                var peak = measurement.PeakGrowthBytes is { } bytes ? $"{bytes / 1048576.0:F0} MiB" : "n/a";
                Console.WriteLine($"{measurement.Name,-34} {measurement.Median.TotalMilliseconds,8:F0} ms {cpu.TotalMilliseconds,8:F0} ms {measurement.AllocatedBytes / 1048576.0,8:F0} MiB {peak,10}  {measurement.Check}");
            }

            Console.WriteLine();
            Console.WriteLine($"allocated per item, (b) / (c) = {(double)wholeDay.Measurement.AllocatedBytes / oneBucket.Measurement.AllocatedBytes:F1}x   goal >= 8x");
            Console.WriteLine($"peak RSS growth per item, (b) / (c) = {Ratio(wholeDay.Measurement.PeakGrowthBytes, oneBucket.Measurement.PeakGrowthBytes)}");
            Console.WriteLine($"total CPU, (d) / (b) = {allBuckets.Cpu / wholeDay.Cpu:F2}   goal <= 1.3");
            Console.WriteLine($"features compute vs DuckDB, (b) / (a) = {wholeDay.Measurement.Median / duckDb.Measurement.Median:F3}, (d) / (a) = {allBuckets.Measurement.Median / duckDb.Measurement.Median:F3}   goal <= 0.6");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The phase's median wall time and allocation, and the process CPU time of its median run: every core's work counts.
    private static async Task<(Measurement Measurement, TimeSpan Cpu)> Measured(string name, int iterations, Func<Task<string>> phase)
    {
        var cpu = new List<TimeSpan>();
        var measurement = await Measurement.RunAsync(name, iterations, async () =>
        {
            var (sample, check) = await Sample.TakeAsync(phase);
            cpu.Add(sample.Cpu);
            return check;
        });

        // The first run is the warm-up.
        var timed = cpu.Skip(1).Order().ToList();
        return (measurement, timed[timed.Count / 2]);
    }

    private static string Ratio(long? whole, long? bucket) =>
        whole is { } w && bucket is > 0 ? string.Create(CultureInfo.InvariantCulture, $"{(double)w / bucket.Value:F1}x") : "n/a";
}

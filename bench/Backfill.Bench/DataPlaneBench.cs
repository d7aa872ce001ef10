using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Backfill.Azurite;
using Backfill.Core.Building;
using Backfill.Core.Features;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;
using Backfill.Core.Versioning;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Layout;
using Backfill.Storage.Parquet;
using Backfill.Storage.Reading;

namespace Backfill.Bench;

/// <summary>
/// The features compute against DuckDB on the same generated files: (a) DuckDB over 7 days of
/// events, (b) our compute from 7 daily rollups, (c) a full partition commit on Azurite.
/// </summary>
internal static class DataPlaneBench
{
    public static async Task RunAsync(string[] args)
    {
        var settings = BenchSettings.Parse(args);
        var cancellationToken = CancellationToken.None;
        var first = Day.Parse("2025-01-01");
        var day = first.AddDays(6);
        var folder = Directory.CreateTempSubdirectory("backfill-bench-").FullName;
        Console.WriteLine($"features_v1({day}) from 7 days x {settings.EventsPerDay:N0} events/day, {settings.Entities:N0} entities, "
            + $"{Environment.ProcessorCount} cores, median of {settings.Iterations} runs after a warm-up");
        try
        {
            var staged = await StagedDays.CreateAsync(settings, first, 7, folder, cancellationToken);
            var rollupFiles = staged.Select(s => (s.Day, Bytes: File.ReadAllBytes(s.RollupPath))).ToList();
            var features = new FeatureParquet(FeatureVersions.V1);

            var duckDb = await Measurement.RunAsync("(a) DuckDB, 7 days of events", settings.Iterations, () =>
                Task.FromResult(DuckDbFeatures.Compute(staged, day, Path.Combine(folder, "duckdb-features.parquet"))));

            // The files are decoded concurrently, as the features activity reads its inputs.
            async Task<RollupDay[]> DecodeAsync() =>
                await Task.WhenAll(rollupFiles.Select(file =>
                    Task.Run(() => RollupParquet.ReadAsync(new MemoryStream(file.Bytes, writable: false), file.Day.Date, cancellationToken))));

            var compute = await Measurement.RunAsync("(b) our compute, 7 rollups", settings.Iterations, async () =>
            {
                var rollups = await DecodeAsync();
                var rows = FeatureBuilder.Build(FeatureVersions.V1, day, rollups);
                var written = await features.WriteAsync(rows, cancellationToken);
                return string.Create(CultureInfo.InvariantCulture, $"{rows.Count:N0} rows, {written.Length / 1048576.0:F1} MiB");
            });

            // Where (b) spends its time: decoding the rollups, combining them, encoding the features.
            var decoded = await DecodeAsync();
            var built = FeatureBuilder.Build(FeatureVersions.V1, day, decoded);
            var breakdown = new[]
            {
                await Measurement.RunAsync("  (b) decode 7 rollup files", settings.Iterations, async () =>
                {
                    var count = (await DecodeAsync()).Sum(rollups => rollups.Count);
                    return string.Create(CultureInfo.InvariantCulture, $"{count:N0} rollup rows");
                }),
                await Measurement.RunAsync("  (b) combine rollups", settings.Iterations, () =>
                    Task.FromResult(string.Create(CultureInfo.InvariantCulture, $"{FeatureBuilder.Build(FeatureVersions.V1, day, decoded).Count:N0} rows"))),
                await Measurement.RunAsync("  (b) encode features", settings.Iterations, async () =>
                {
                    var length = (await features.WriteAsync(built, cancellationToken)).Length;
                    return string.Create(CultureInfo.InvariantCulture, $"{length:N0} bytes");
                }),
            };

            await using var azurite = await AzuriteServer.StartAsync(cancellationToken: cancellationToken);
            var lake = new LakeStorage(
                new BlobServiceClient(azurite.ConnectionString), new TableServiceClient(azurite.ConnectionString), new LakeSettings(), TimeProvider.System);
            await lake.EnsureCreatedAsync(cancellationToken);
            var committer = new PartitionCommitter(lake);
            var run = new RunContext("bench", RunTrigger.Backfill, "bench", CodeVersion.Current, FeatureVersions.V1.ConfigHash);
            foreach (var stagedDay in staged)
            {
                var content = new PartitionContent(
                    [
                        new ContentFile(EventParquet.FileName, await File.ReadAllBytesAsync(stagedDay.EventsPath, cancellationToken), stagedDay.EventRows, EventParquet.Columns),
                        new ContentFile(RollupParquet.FileName, await File.ReadAllBytesAsync(stagedDay.RollupPath, cancellationToken), stagedDay.RollupRows, RollupParquet.Columns),
                    ],
                    [],
                    []);
                await committer.CommitAsync(
                    new CommitRequest(Datasets.Staging, stagedDay.Day, WriteMode.Overwrite, run), new PrebuiltContent(content), PassingValidator.Instance, cancellationToken);
            }

            var reader = new PartitionReader(lake);
            var partition = await Measurement.RunAsync("(c) full partition on Azurite", settings.Iterations, async () =>
            {
                var result = await committer.CommitAsync(
                    new CommitRequest(FeatureVersions.V1.Name, day, WriteMode.Overwrite, run),
                    new FeaturePartitionBuilder(reader, FeatureVersions.V1, day),
                    PassingValidator.Instance,
                    cancellationToken);
                return string.Create(CultureInfo.InvariantCulture, $"{result.Commit.RowCount:N0} rows, {result.Status}");
            });

            Console.WriteLine();
            Console.WriteLine($"{"phase",-34} {"median",10} {"allocated",12} {"peak RSS +",10}  check");
            foreach (var measurement in (Measurement[])[duckDb, compute, .. breakdown, partition])
            {
                var peak = measurement.PeakGrowthBytes is { } bytes ? $"{bytes / 1048576.0:F0} MiB" : "n/a";
                Console.WriteLine($"{measurement.Name,-34} {measurement.Median.TotalMilliseconds,8:F0} ms {measurement.AllocatedBytes / 1048576.0,8:F0} MiB {peak,10}  {measurement.Check}");
            }

            Console.WriteLine();
            Console.WriteLine($"(b) / (a) = {compute.Median / duckDb.Median:F3}   goal <= 0.5");
            Console.WriteLine($"(c) / (b) = {partition.Median / compute.Median:F3}   goal <= 2");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Backfill.Azurite;
using Backfill.Core.Buckets;
using Backfill.Core.Generation;
using Backfill.Core.Landing;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;
using Backfill.Core.Versioning;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Landing;
using Backfill.Storage.Layout;
using Backfill.Storage.Reading;

namespace Backfill.Bench;

/// <summary>
/// What the staging event id exchange costs: one staging day committed whole (B = 1) against the same day in B buckets
/// (pin, the exchange's ids and resolve steps, the bucket stages, publish), each from the same generated landing in its
/// own lake on one Azurite, its raw day in the same layout. The exchange's files are a cache of the raw commit, so each
/// run starts by deleting them (not timed): every run pays the exchange in full.
/// </summary>
internal static class StagingBucketsBench
{
    private static readonly RunContext BenchRun = new("bench", RunTrigger.Backfill, "bench", CodeVersion.Current, "bench");

    public static async Task RunAsync(string[] args)
    {
        var (buckets, others) = BucketOption.Parse(args);
        var settings = BenchSettings.Parse(others, new BenchSettings(1_000_000, 200_000, 3));
        var cancellationToken = CancellationToken.None;
        var day = Day.Parse("2025-01-01");
        var processingTime = day.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(4);
        Console.WriteLine($"staging({day}) from {settings.EventsPerDay:N0} events, {settings.Entities:N0} entities, B = 1 vs B = {buckets}, "
            + $"{Environment.ProcessorCount} cores, median of {settings.Iterations} runs after a warm-up");

        await using var azurite = await AzuriteServer.StartAsync(cancellationToken: cancellationToken);
        var whole = await SeededAsync(azurite, "whole", settings, day, processingTime, BucketCount.Of(1), cancellationToken);
        var split = await SeededAsync(azurite, "split", settings, day, processingTime, buckets, cancellationToken);
        var request = new CommitRequest(Datasets.Staging, day, WriteMode.Overwrite, BenchRun);

        var wholeDay = new List<Sample>();
        var exchange = new List<Sample>();
        var stages = new List<Sample>();
        var largestStep = 0L;
        string? check = null;
        for (var run = 0; run <= settings.Iterations; run++)
        {
            var (sample, result) = await Sample.TakeAsync(() => new PartitionCommitter(whole).CommitAsync(
                request, new StagingPartitionBuilder(new PartitionReader(whole), new IdExchange(whole), day), PassingValidator.Instance, cancellationToken));
            wholeDay.Add(sample);

            await DeleteAsync(split, LakePaths.IdExchangeRoot, cancellationToken);
            var ids = new IdExchange(split);
            var (builder, committer) = (new StagingPartitionBuilder(new PartitionReader(split), ids, day), new BucketedCommitter(split));
            var commitId = Guid.CreateVersion7().ToString("N");
            var steps = new List<long>();
            var (exchangeSample, _) = await Sample.TakeAsync(async () =>
            {
                var pins = await committer.PinAsync(request, commitId, buckets, builder, cancellationToken);
                for (var bucket = 0; bucket < pins.IdRanges; bucket++)
                {
                    steps.Add((await Sample.TakeAsync(() => ids.ListAsync(pins, bucket, cancellationToken))).Sample.AllocatedBytes);
                }

                for (var range = 0; range < pins.IdRanges; range++)
                {
                    steps.Add((await Sample.TakeAsync(() => ids.ResolveAsync(pins, range, cancellationToken))).Sample.AllocatedBytes);
                }

                return pins;
            });
            var (stageSample, published) = await Sample.TakeAsync(async () =>
            {
                for (var bucket = 0; bucket < buckets.Value; bucket++)
                {
                    steps.Add((await Sample.TakeAsync(() => committer.StageBucketAsync(request, commitId, bucket, builder, PassingValidator.Instance, cancellationToken))).Sample.AllocatedBytes);
                }

                return await committer.PublishAsync(request, commitId, PassingValidator.Instance, cancellationToken);
            });

            // The first run is the warm-up.
            if (run > 0)
            {
                exchange.Add(exchangeSample);
                stages.Add(stageSample);
                largestStep = Math.Max(largestStep, steps.Max());
            }

            check = string.Create(CultureInfo.InvariantCulture,
                $"whole {result.Commit.RowCount:N0} rows {result.Status}, {buckets} buckets {published.Commit.RowCount:N0} rows {published.Status}");
            if (result.Commit.RowCount != published.Commit.RowCount)
            {
                throw new InvalidOperationException($"the bucketed day differs from the whole day: {check}");
            }
        }

        var (wholeMedian, exchangeMedian, stageMedian) = (Sample.Median(wholeDay.Skip(1)), Sample.Median(exchange), Sample.Median(stages));
        Console.WriteLine();
        Console.WriteLine($"{"phase",-44} {"median",10} {"CPU",10} {"allocated",12}");
        foreach (var (name, sample) in new[]
                 {
                     ("(a) whole day, one item", wholeMedian),
                     ($"(b) pin + exchange ({buckets} ids, {buckets} resolve)", exchangeMedian),
                     ($"(c) {buckets} bucket stages + publish", stageMedian),
                 })
        {
            Console.WriteLine($"{name,-44} {sample.Wall.TotalMilliseconds,8:F0} ms {sample.Cpu.TotalMilliseconds,8:F0} ms {sample.AllocatedBytes / 1048576.0,8:F0} MiB");
        }

        Console.WriteLine();
        Console.WriteLine(check);
        Console.WriteLine($"largest step allocated {largestStep / 1048576.0:F0} MiB, whole day / largest step = {(double)wholeMedian.AllocatedBytes / largestStep:F1}x");
        Console.WriteLine($"total CPU, (b + c) / (a) = {(exchangeMedian.Cpu + stageMedian.Cpu) / wholeMedian.Cpu:F2}; the exchange alone, (b) / (a) = {exchangeMedian.Cpu / wholeMedian.Cpu:F2}");
        Console.WriteLine($"wall, (b + c) / (a) = {(exchangeMedian.Wall + stageMedian.Wall) / wholeMedian.Wall:F2} (steps one after another; a backfill runs them side by side)");
    }

    // A lake of its own with the day landed and its raw committed in the layout under test, as the raw steps would.
    private static async Task<LakeStorage> SeededAsync(
        AzuriteServer azurite, string name, BenchSettings settings, Day day, DateTime processingTime, BucketCount buckets, CancellationToken cancellationToken)
    {
        var lake = new LakeStorage(
            new BlobServiceClient(azurite.ConnectionString),
            new TableServiceClient(azurite.ConnectionString),
            new LakeSettings { ContainerName = name, LineageTableName = name + "lineage" },
            TimeProvider.System);
        await lake.EnsureCreatedAsync(cancellationToken);
        var generator = new EventGenerator(new EventGeneratorOptions { EventsPerDay = settings.EventsPerDay, EntityCount = settings.Entities });
        await new LandingWriter(lake).WriteAsync("bench", generator.Generate(day.Date), cancellationToken);
        var request = new CommitRequest(Datasets.Raw, day, WriteMode.Overwrite, BenchRun);
        var landing = new LandingReader(lake, ArrivalWindow.Default);
        var builder = new RawPartitionBuilder(landing, new PartitionReader(lake), day, processingTime);
        var raw = buckets.Value == 1
            ? await new PartitionCommitter(lake).CommitAsync(request, builder, PassingValidator.Instance, cancellationToken)
            : await CommitBucketedAsync(lake, request, builder, landing, buckets, cancellationToken);
        Console.WriteLine($"  {name}: raw {raw.Commit.RowCount:N0} rows in {buckets} bucket(s), {raw.Status}");
        return lake;
    }

    private static async Task<CommitResult> CommitBucketedAsync(
        LakeStorage lake, CommitRequest request, RawPartitionBuilder builder, LandingReader landing, BucketCount buckets, CancellationToken cancellationToken)
    {
        var committer = new BucketedCommitter(lake);
        var commitId = Guid.CreateVersion7().ToString("N");
        var pins = await committer.PinAsync(request, commitId, buckets, builder, cancellationToken);
        for (var group = 0; group < pins.MapGroups; group++)
        {
            await landing.Map.MapAsync(pins.Landing, group, buckets, cancellationToken);
        }

        for (var bucket = 0; bucket < buckets.Value; bucket++)
        {
            await committer.StageBucketAsync(request, commitId, bucket, builder, PassingValidator.Instance, cancellationToken);
        }

        return await committer.PublishAsync(request, commitId, PassingValidator.Instance, cancellationToken);
    }

    private static async Task DeleteAsync(LakeStorage lake, string prefix, CancellationToken cancellationToken)
    {
        await foreach (var blob in lake.Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            await lake.Container.DeleteBlobAsync(blob.Name, cancellationToken: cancellationToken);
        }
    }
}

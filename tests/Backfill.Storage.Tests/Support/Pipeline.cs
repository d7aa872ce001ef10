using Backfill.Core.Buckets;
using Backfill.Core.Features;
using Backfill.Core.Generation;
using Backfill.Core.Landing;
using Backfill.Core.Partitions;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Landing;
using Backfill.Storage.Layout;
using Backfill.Storage.Reading;

namespace Backfill.Storage.Tests.Support;

/// <summary>The sample pipeline over one lake: seed landing, then commit raw, staging and features partitions.</summary>
internal sealed class Pipeline(LakeStorage lake, ICommitValidator? validator = null)
{
    private readonly ICommitValidator _validator = validator ?? PassingValidator.Instance;

    public static readonly EventGeneratorOptions SmallVolume = new() { EventsPerDay = 300, EntityCount = 40 };

    public LakeStorage Lake => lake;

    public PartitionCommitter Committer { get; } = new(lake);

    public PartitionReader Reader { get; } = new(lake);

    public LandingReader Landing { get; } = new(lake, ArrivalWindow.Default);

    public async Task SeedAsync(Day first, int days, EventGeneratorOptions? options = null)
    {
        var generator = new EventGenerator(options ?? SmallVolume);
        var writer = new LandingWriter(lake);
        for (var day = first; day <= first.AddDays(days - 1); day = day.AddDays(1))
        {
            await writer.WriteAsync($"gen-{day}", generator.Generate(day.Date), TestContext.Current.CancellationToken);
        }
    }

    public BucketedCommitter Buckets { get; } = new(lake);

    public IdExchange Exchange { get; } = new(lake);

    public Task<CommitResult> RawAsync(Day day, DateTime processingTime, WriteMode mode = WriteMode.Overwrite, int buckets = 1) =>
        CommitAsync(new CommitRequest(Datasets.Raw, day, mode, TestLake.Run()), new RawPartitionBuilder(Landing, Reader, day, processingTime), buckets);

    public Task<CommitResult> StagingAsync(Day day, WriteMode mode = WriteMode.Overwrite, int buckets = 1) =>
        CommitAsync(new CommitRequest(Datasets.Staging, day, mode, TestLake.Run()), new StagingPartitionBuilder(Reader, Exchange, day), buckets);

    public Task<CommitResult> FeaturesAsync(FeatureVersion features, Day day, WriteMode mode = WriteMode.Overwrite, int buckets = 1) =>
        CommitAsync(
            new CommitRequest(features.Name, day, mode, TestLake.Run() with { ConfigHash = features.ConfigHash }), new FeaturePartitionBuilder(Reader, features, day), buckets);

    /// <summary>Pins the day, maps raw's landing files and stages every bucket, as the bucket work items would, without publishing.</summary>
    public async Task<string> StageBucketsAsync(CommitRequest request, IBucketContentBuilder builder, int buckets)
    {
        var commitId = Guid.CreateVersion7().ToString("N");
        await PinAsync(request, commitId, buckets, builder);
        for (var bucket = 0; bucket < buckets; bucket++)
        {
            await Buckets.StageBucketAsync(request, commitId, bucket, builder, _validator, TestContext.Current.CancellationToken);
        }

        return commitId;
    }

    /// <summary>
    /// Pins the day, maps raw's landing files into its buckets group by group and, for staging, exchanges its event ids,
    /// as the pin, map, ids and resolve work items would.
    /// </summary>
    public async Task<DayPins> PinAsync(CommitRequest request, string commitId, int buckets, IBucketContentBuilder builder)
    {
        var pins = await Buckets.PinAsync(request, commitId, BucketCount.Of(buckets), builder, TestContext.Current.CancellationToken);
        for (var group = 0; group < pins.MapGroups; group++)
        {
            await Landing.Map.MapAsync(pins.Landing, group, BucketCount.Of(buckets), TestContext.Current.CancellationToken);
        }

        await ExchangeIdsAsync(pins);
        return pins;
    }

    /// <summary>A staging day's event id exchange, as its ids and resolve work items would run it; nothing for other days.</summary>
    public async Task ExchangeIdsAsync(DayPins pins)
    {
        for (var bucket = 0; bucket < pins.IdRanges; bucket++)
        {
            await Exchange.ListAsync(pins, bucket, TestContext.Current.CancellationToken);
        }

        for (var range = 0; range < pins.IdRanges; range++)
        {
            await Exchange.ResolveAsync(pins, range, TestContext.Current.CancellationToken);
        }
    }

    // One bucket commits the day whole; more pin, stage every bucket and publish, as the bucketed day's steps do.
    public async Task<CommitResult> CommitAsync(CommitRequest request, IBucketContentBuilder builder, int buckets)
    {
        if (buckets == 1)
        {
            return await Committer.CommitAsync(request, builder, _validator, TestContext.Current.CancellationToken);
        }

        var commitId = await StageBucketsAsync(request, builder, buckets);
        return await Buckets.PublishAsync(request, commitId, _validator, TestContext.Current.CancellationToken);
    }

    /// <summary>Raw and staging for every day, as of long after the last one, so all late events are in.</summary>
    public async Task BuildEventsAsync(Day first, int days, WriteMode mode = WriteMode.Overwrite, int rawBuckets = 1, int stagingBuckets = 1)
    {
        var processingTime = At(first.AddDays(days + 6));
        for (var day = first; day <= first.AddDays(days - 1); day = day.AddDays(1))
        {
            await RawAsync(day, processingTime, mode, rawBuckets);
            await StagingAsync(day, mode, stagingBuckets);
        }
    }

    public static DateTime At(Day day, int hours = 0) =>
        day.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(hours);
}

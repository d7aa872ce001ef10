using Azure.Storage.Blobs.Models;
using Backfill.Core.Buckets;
using Backfill.Core.Events;
using Backfill.Core.Features;
using Backfill.Core.Partitions;
using Backfill.Core.Validation;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Layout;
using Backfill.Storage.Lineage;
using Backfill.Storage.Tests.Support;
using Backfill.Storage.Validation;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Commits;

/// <summary>
/// A day split into entity buckets is still one partition: built bucket by bucket it holds the rows a whole-day build
/// holds, judged by the same gate on the merged read-backs, and published with one manifest write, so a reader sees
/// the old day or the new day. Every step survives a stop and a redelivery.
/// </summary>
public sealed class BucketedCommitterTests(AzuriteFixture azurite)
{
    private static readonly Day First = Day.Parse("2025-04-01");
    private const int Days = 9;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<int, int, int> Layouts => new()
    {
        { 8, 8, 8 },

        // Raw coarser than staging, features finer than staging: each bucket reads the upstream buckets that hold its entities.
        { 1, 4, 16 },
        { 16, 8, 2 },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Bucketed_EveryLayer_EqualsTheWholeDayBuildRowForRow(int rawBuckets, int stagingBuckets, int featuresBuckets)
    {
        var whole = await ValidatedPipelineAsync();
        var split = await ValidatedPipelineAsync();
        var lastDay = First.AddDays(Days - 1);
        var reports = new List<(CommitResult Whole, CommitResult Split)>();
        await whole.BuildEventsAsync(First, Days);
        await split.BuildEventsAsync(First, Days, rawBuckets: rawBuckets, stagingBuckets: stagingBuckets);
        foreach (var features in FeatureVersions.All)
        {
            for (var day = First; day <= lastDay; day = day.AddDays(1))
            {
                reports.Add((await whole.FeaturesAsync(features, day), await split.FeaturesAsync(features, day, buckets: featuresBuckets)));
            }
        }

        for (var day = First; day <= lastDay; day = day.AddDays(1))
        {
            foreach (var dataset in new[] { Datasets.Raw, Datasets.Staging })
            {
                var (wholeCommit, splitCommit) = (await LiveAsync(whole, dataset, day), await LiveAsync(split, dataset, day));
                Assert.Equal(dataset == Datasets.Raw ? rawBuckets : stagingBuckets, splitCommit.Buckets);
                Assert.Equal(Sorted(await whole.Reader.ReadEventsAsync(wholeCommit, Ct)), Sorted(await split.Reader.ReadEventsAsync(splitCommit, Ct)));
                Assert.Equal((wholeCommit.RowCount, wholeCommit.QuarantinedCount, wholeCommit.LandedLines), (splitCommit.RowCount, splitCommit.QuarantinedCount, splitCommit.LandedLines));
            }

            var (wholeStaging, splitStaging) = (await LiveAsync(whole, Datasets.Staging, day), await LiveAsync(split, Datasets.Staging, day));
            var (wholeRollups, splitRollups) = (await whole.Reader.ReadRollupsAsync(wholeStaging, Ct), await split.Reader.ReadRollupsAsync(splitStaging, Ct));
            Assert.Equal(wholeRollups.ToList(), splitRollups.ToList());
            foreach (var features in FeatureVersions.All)
            {
                var rows = await whole.Reader.ReadFeaturesAsync(await LiveAsync(whole, features.Name, day), features, Ct);
                var splitRows = await split.Reader.ReadFeaturesAsync(await LiveAsync(split, features.Name, day), features, Ct);
                Assert.NotEmpty(rows);
                Assert.Equal(rows.Order(FeatureRow.StorageOrder), splitRows.Order(FeatureRow.StorageOrder));
            }
        }

        // The gate judged the merged buckets as it judged the whole day: the same checks, figures and verdicts (buckets
        // this small carry their values, so even the drift sketches merge exactly).
        Assert.All(reports, pair =>
        {
            Assert.Equal((CommitStatus.Published, CommitStatus.Published), (pair.Whole.Status, pair.Split.Status));
            Assert.Equal(
                pair.Whole.Validation.Results.Select(r => (r.Name, r.Column, r.Status, r.Observed)),
                pair.Split.Validation.Results.Select(r => (r.Name, r.Column, r.Status, r.Observed)));
        });
    }

    [Fact]
    public async Task Publish_AfterAStopBetweenBucketsAndPublish_ReadersSawTheOldDayAndTheRerunConverges()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        await pipeline.SeedAsync(First, 1);
        var early = await pipeline.RawAsync(First, Pipeline.At(First.AddDays(1), 1));
        var request = new CommitRequest(Datasets.Raw, First, WriteMode.Overwrite, TestLake.Run("run-2"));
        var builder = new RawPartitionBuilder(pipeline.Landing, pipeline.Reader, First, Pipeline.At(First.AddDays(7)));
        var commitId = await pipeline.StageBucketsAsync(request, builder, 8);

        // Stopped here: every bucket's files are in the commit folder, nothing names them.
        var live = await LiveAsync(pipeline, Datasets.Raw, First);
        Assert.Equal(early.Commit.CommitId, live.CommitId);
        Assert.Equal(early.Commit.RowCount, (await pipeline.Reader.ReadEventsAsync(live, Ct)).Count);

        // A new process redelivers every step: the pins and the staged buckets are found, not rebuilt.
        var restarted = new BucketedCommitter(lake);
        var stagedAt = (await Blob(lake, request, commitId, "bucket=003/_bucket.json").GetPropertiesAsync(cancellationToken: Ct)).Value.LastModified;
        await restarted.PinAsync(request, commitId, BucketCount.Of(8), builder, Ct);
        for (var bucket = 0; bucket < 8; bucket++)
        {
            await restarted.StageBucketAsync(request, commitId, bucket, builder, PassingValidator.Instance, Ct);
        }

        Assert.Equal(stagedAt, (await Blob(lake, request, commitId, "bucket=003/_bucket.json").GetPropertiesAsync(cancellationToken: Ct)).Value.LastModified);
        var published = await restarted.PublishAsync(request, commitId, PassingValidator.Instance, Ct);
        Assert.Equal(CommitStatus.Published, published.Status);

        var clean = await TestLake.CreateAsync(azurite);
        var cleanPipeline = new Pipeline(clean);
        await cleanPipeline.SeedAsync(First, 1);
        var cleanRun = await cleanPipeline.RawAsync(First, Pipeline.At(First.AddDays(7)));
        Assert.Equal(
            Sorted(await cleanPipeline.Reader.ReadEventsAsync(cleanRun.Commit, Ct)),
            Sorted(await pipeline.Reader.ReadEventsAsync(await LiveAsync(pipeline, Datasets.Raw, First), Ct)));
        Assert.Equal(early.Commit.CommitId, (await pipeline.Reader.GetManifestAsync(Datasets.Raw, First, Ct))!.History[0]);
    }

    [Fact]
    public async Task Publish_BucketNotStaged_PublishesNothing()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        await pipeline.SeedAsync(First, 1);
        var before = await pipeline.RawAsync(First, Pipeline.At(First.AddDays(7)));
        var request = new CommitRequest(Datasets.Raw, First, WriteMode.Overwrite, TestLake.Run("run-2"));
        var builder = new RawPartitionBuilder(pipeline.Landing, pipeline.Reader, First, Pipeline.At(First.AddDays(8)));
        const string CommitId = "0190f0f0f0f07000800000000000abcd";
        await pipeline.PinAsync(request, CommitId, 4, builder);
        foreach (var bucket in new[] { 0, 1, 3 })
        {
            await pipeline.Buckets.StageBucketAsync(request, CommitId, bucket, builder, PassingValidator.Instance, Ct);
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => pipeline.Buckets.PublishAsync(request, CommitId, PassingValidator.Instance, Ct));
        Assert.Contains("bucket 2 of 4 is not staged", error.Message, StringComparison.Ordinal);
        Assert.Equal(before.Commit.CommitId, (await LiveAsync(pipeline, Datasets.Raw, First)).CommitId);
        Assert.Null(await new LineageStore(lake).GetAsync(Datasets.Raw, First, CommitId, Ct));
    }

    [Fact]
    public async Task Publish_RejectedByTheGate_KeepsTheOldDay()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var fail = new ValidationResult(ValidationCheckNames.RowCountBounds, null, ValidationStatus.Fail, 1, 100, "too few rows");
        var pipeline = new Pipeline(lake, new FixedValidator(fail));
        var passing = new Pipeline(lake);
        await pipeline.SeedAsync(First, 1);
        var before = await passing.RawAsync(First, Pipeline.At(First.AddDays(7)));

        var rejected = await pipeline.RawAsync(First, Pipeline.At(First.AddDays(8)), buckets: 4);

        Assert.Equal(CommitStatus.Rejected, rejected.Status);
        Assert.Equal(before.Commit.CommitId, (await LiveAsync(pipeline, Datasets.Raw, First)).CommitId);
        Assert.Equal(CommitStatus.Rejected, (await new LineageStore(lake).GetAsync(Datasets.Raw, First, rejected.Commit.CommitId, Ct))!.Status);
    }

    [Fact]
    public async Task Publish_RedeliveredAfterTheManifestWrite_ReportsPublishedAndRepairsLineage()
    {
        var (lake, pipeline, request, commitId) = await StagedRawDayAsync();
        var stopping = new BucketedCommitter(lake, _ => throw new OperationCanceledException("stopped between the manifest and lineage writes"));

        await Assert.ThrowsAsync<OperationCanceledException>(() => stopping.PublishAsync(request, commitId, PassingValidator.Instance, Ct));
        var lineage = new LineageStore(lake);
        Assert.Equal(commitId, (await LiveAsync(pipeline, Datasets.Raw, First)).CommitId);
        Assert.NotEqual(CommitStatus.Published, (await lineage.GetAsync(Datasets.Raw, First, commitId, Ct))!.Status);

        var redelivered = await new BucketedCommitter(lake).PublishAsync(request, commitId, PassingValidator.Instance, Ct);

        Assert.Equal((CommitStatus.Published, commitId), (redelivered.Status, redelivered.Commit.CommitId));
        Assert.Equal(CommitStatus.Published, (await lineage.GetAsync(Datasets.Raw, First, commitId, Ct))!.Status);
    }

    [Fact]
    public async Task Publish_AnotherDeliveryOfItWinsTheRace_IsPublishedAndLineageSaysSo()
    {
        var (lake, pipeline, request, commitId) = await StagedRawDayAsync();

        // This delivery read the manifest before the other delivery published; its own write then loses the race.
        var racing = new RacingJudge(() => new BucketedCommitter(lake).PublishAsync(request, commitId, PassingValidator.Instance, Ct));
        var result = await new BucketedCommitter(lake).PublishAsync(request, commitId, racing, Ct);

        Assert.Equal(CommitStatus.Published, (await racing.Other!).Status);
        Assert.Equal((CommitStatus.Published, commitId), (result.Status, result.Commit.CommitId));
        Assert.Equal(commitId, (await LiveAsync(pipeline, Datasets.Raw, First)).CommitId);
        Assert.Equal(CommitStatus.Published, (await new LineageStore(lake).GetAsync(Datasets.Raw, First, commitId, Ct))!.Status);
    }

    [Fact]
    public async Task Publish_LineageRow_ListsEveryBucketWithItsRowsBytesAndWorker()
    {
        var (lake, pipeline, request, commitId) = await StagedRawDayAsync();
        var whole = await pipeline.RawAsync(First.AddDays(1), Pipeline.At(First.AddDays(8)));

        var result = await pipeline.Buckets.PublishAsync(request, commitId, PassingValidator.Instance, Ct);

        var lineage = new LineageStore(lake);
        var entry = (await lineage.GetAsync(Datasets.Raw, First, commitId, Ct))!;
        Assert.Equal(CommitStatus.Published, result.Status);
        var buckets = entry.Buckets!;
        Assert.Equal([0, 1, 2, 3], buckets.Select(b => b.Bucket));
        Assert.Equal((entry.RowCount, entry.Bytes), (buckets.Sum(b => b.RowCount), buckets.Sum(b => b.Bytes)));
        Assert.True(entry.RowCount > 0);
        Assert.All(buckets, b => Assert.Equal($"{Environment.MachineName}/{Environment.ProcessId}", b.Worker));
        Assert.Null((await lineage.GetAsync(Datasets.Raw, First.AddDays(1), whole.Commit.CommitId, Ct))!.Buckets);
    }

    [Fact]
    public async Task Publish_PinsOlderThanHalfTheGarbageRetention_StartsTheDayAgain()
    {
        var time = new ShiftedTimeProvider();
        var lake = await TestLake.CreateAsync(azurite, time);
        var pipeline = new Pipeline(lake);
        await pipeline.SeedAsync(First, 1);
        var before = await pipeline.RawAsync(First, Pipeline.At(First.AddDays(7)));
        var request = new CommitRequest(Datasets.Raw, First, WriteMode.Overwrite, TestLake.Run("run-2"));
        var commitId = await pipeline.StageBucketsAsync(request, new RawPartitionBuilder(pipeline.Landing, pipeline.Reader, First, Pipeline.At(First.AddDays(8))), 2);
        time.Advance(lake.Settings.GarbageRetention / 2 + TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<DayMovedException>(() => pipeline.Buckets.PublishAsync(request, commitId, PassingValidator.Instance, Ct));

        Assert.Contains("too long ago to publish", error.Message, StringComparison.Ordinal);
        Assert.Equal(before.Commit.CommitId, (await LiveAsync(pipeline, Datasets.Raw, First)).CommitId);
    }

    [Fact]
    public async Task StageBucket_FileLeftWithOtherContent_RefusesToMixIt()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        await pipeline.SeedAsync(First, 1);
        var request = new CommitRequest(Datasets.Raw, First, WriteMode.Overwrite, TestLake.Run());
        var builder = new RawPartitionBuilder(pipeline.Landing, pipeline.Reader, First, Pipeline.At(First.AddDays(7)));
        const string CommitId = "0190f0f0f0f07000800000000000dcba";
        await pipeline.PinAsync(request, CommitId, 2, builder);
        await Blob(lake, request, CommitId, "bucket=001/events.parquet").UploadAsync(BinaryData.FromString("not this build's file"), Ct);

        await pipeline.Buckets.StageBucketAsync(request, CommitId, 0, builder, PassingValidator.Instance, Ct);
        var error = await Assert.ThrowsAsync<InvalidDataException>(
            () => pipeline.Buckets.StageBucketAsync(request, CommitId, 1, builder, PassingValidator.Instance, Ct));
        Assert.Contains("bucket=001/events.parquet exists with other content", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StageBucket_UpstreamRepublishedAfterThePin_ReadsThePinnedCommit()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        await pipeline.SeedAsync(First, 1);
        var pinnedRaw = await pipeline.RawAsync(First, Pipeline.At(First.AddDays(1), 1));
        var request = new CommitRequest(Datasets.Staging, First, WriteMode.Overwrite, TestLake.Run());
        var builder = new StagingPartitionBuilder(pipeline.Reader, pipeline.Exchange, First);
        const string CommitId = "0190f0f0f0f07000800000000000aaaa";
        var pins = await pipeline.Buckets.PinAsync(request, CommitId, BucketCount.Of(4), builder, Ct);

        // Late events reach raw between the pin and the buckets: the day must not mix the two raw commits.
        var laterRaw = await pipeline.RawAsync(First, Pipeline.At(First.AddDays(7)));
        Assert.NotEqual(pinnedRaw.Commit.RowCount, laterRaw.Commit.RowCount);
        await pipeline.ExchangeIdsAsync(pins);
        for (var bucket = 0; bucket < 4; bucket++)
        {
            await pipeline.Buckets.StageBucketAsync(request, CommitId, bucket, builder, PassingValidator.Instance, Ct);
        }

        var published = await pipeline.Buckets.PublishAsync(request, CommitId, PassingValidator.Instance, Ct);

        Assert.Equal(pinnedRaw.Commit.CommitId, Assert.Single(published.Commit.Lineage.Inputs).CommitId);
        var staged = await pipeline.Reader.ReadEventsAsync(published.Commit, Ct);
        var pinnedIds = (await pipeline.Reader.ReadEventsAsync(pinnedRaw.Commit, Ct)).Select(row => row.Event.EventId).ToHashSet(StringComparer.Ordinal);
        Assert.All(staged, row => Assert.Contains(row.Event.EventId, pinnedIds));
    }

    [Fact]
    public async Task Merge_Bucketed_EqualsTheWholeDayMerge()
    {
        var whole = new Pipeline(await TestLake.CreateAsync(azurite));
        var split = new Pipeline(await TestLake.CreateAsync(azurite));
        foreach (var pipeline in new[] { whole, split })
        {
            await pipeline.SeedAsync(First, 1);
            await pipeline.RawAsync(First, Pipeline.At(First.AddDays(1), 1));
            await pipeline.StagingAsync(First);
        }

        await whole.RawAsync(First, Pipeline.At(First.AddDays(7)), WriteMode.Merge);
        await whole.StagingAsync(First, WriteMode.Merge);
        await split.RawAsync(First, Pipeline.At(First.AddDays(7)), WriteMode.Merge, buckets: 4);
        var merged = await split.StagingAsync(First, WriteMode.Merge, buckets: 8);

        Assert.Equal(CommitStatus.Published, merged.Status);
        foreach (var dataset in new[] { Datasets.Raw, Datasets.Staging })
        {
            Assert.Equal(
                Sorted(await whole.Reader.ReadEventsAsync(await LiveAsync(whole, dataset, First), Ct)),
                Sorted(await split.Reader.ReadEventsAsync(await LiveAsync(split, dataset, First), Ct)));
        }
    }

    private async Task<Pipeline> ValidatedPipelineAsync()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake, new PartitionValidator(lake, _ => new ValidationThresholds()));
        await pipeline.SeedAsync(First, Days);
        return pipeline;
    }

    private static async Task<CommitRecord> LiveAsync(Pipeline pipeline, string dataset, Day day) =>
        (await pipeline.Reader.GetLiveCommitAsync(dataset, day, Ct))!;

    private static List<ArrivedEvent> Sorted(IEnumerable<ArrivedEvent> rows) => [.. rows.Order(ArrivedEvent.StorageOrder)];

    // A raw day seeded, then staged in 4 buckets under one commit, ready to publish.
    private async Task<(LakeStorage Lake, Pipeline Pipeline, CommitRequest Request, string CommitId)> StagedRawDayAsync()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        await pipeline.SeedAsync(First, 1);
        var request = new CommitRequest(Datasets.Raw, First, WriteMode.Overwrite, TestLake.Run());
        var builder = new RawPartitionBuilder(pipeline.Landing, pipeline.Reader, First, Pipeline.At(First.AddDays(7)));
        return (lake, pipeline, request, await pipeline.StageBucketsAsync(request, builder, 4));
    }

    private Azure.Storage.Blobs.BlobClient Blob(LakeStorage lake, CommitRequest request, string commitId, string name) =>
        TestLake.Container(azurite, lake).GetBlobClient($"{request.Dataset}/{request.Partition.PathSegment}/commit={commitId}/{name}");

    // Lets another delivery of the same publish run to its end while this one is between reading the manifest and
    // writing it: the window a concurrent redelivery races in.
    private sealed class RacingJudge(Func<Task<CommitResult>> other) : ICommitValidator
    {
        public Task<CommitResult>? Other { get; private set; }

        public Task<PartitionValidationReport> ValidateAsync(StagedCommit staged, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Bucketed days are judged, not validated whole.");

        public Task<ReadBack> ReadBackAsync(CommitRecord bucket, BucketScope scope, CancellationToken cancellationToken) =>
            PassingValidator.Instance.ReadBackAsync(bucket, scope, cancellationToken);

        public async Task<PartitionValidationReport> JudgeAsync(CommitRecord commit, ReadBack readBack, CancellationToken cancellationToken)
        {
            Other ??= other();
            await Other;
            return new PartitionValidationReport([]);
        }
    }
}

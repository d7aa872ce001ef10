using Azure.Storage.Blobs;
using Backfill.Core.Buckets;
using Backfill.Core.Features;
using Backfill.Core.Partitions;
using Backfill.Core.Validation;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Tests.Support;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Commits;

public sealed class PartitionCommitterTests(AzuriteFixture azurite)
{
    private static readonly Day First = Day.Parse("2025-01-01");
    private static readonly Day Day = First.AddDays(6);

    [Theory]
    [InlineData(WriteMode.Overwrite)]
    [InlineData(WriteMode.Merge)]
    public async Task CommitAsync_Rerun5Times_SameContentUniqueKeysAndLiveCommitKept(WriteMode mode)
    {
        var pipeline = new Pipeline(await TestLake.CreateAsync(azurite));
        await pipeline.SeedAsync(First, 7);
        await pipeline.BuildEventsAsync(First, 6);
        var processingTime = Pipeline.At(Day.AddDays(6));
        var hashes = new List<(string Raw, string Staging, string Features)>();
        var live = new List<(string Raw, string Staging, string Features)>();

        for (var run = 0; run < 5; run++)
        {
            var raw = await pipeline.RawAsync(Day, processingTime, mode);
            var staging = await pipeline.StagingAsync(Day, mode);
            var features = await pipeline.FeaturesAsync(FeatureVersions.V1, Day, mode);
            // The first run publishes; reruns find the same content from the same code and config and publish nothing.
            var expected = run == 0 ? CommitStatus.Published : CommitStatus.Unchanged;
            Assert.All([raw, staging, features], result => Assert.Equal(expected, result.Status));
            hashes.Add((raw.Commit.ContentHash, staging.Commit.ContentHash, features.Commit.ContentHash));
            live.Add((raw.Commit.CommitId, staging.Commit.CommitId, features.Commit.CommitId));

            var stagedEvents = await pipeline.Reader.ReadEventsAsync(staging.Commit, TestContext.Current.CancellationToken);
            var featureRows = await pipeline.Reader.ReadFeaturesAsync(features.Commit, FeatureVersions.V1, TestContext.Current.CancellationToken);
            Assert.Equal(stagedEvents.Count, stagedEvents.Select(row => row.Event.EventId).Distinct().Count());
            Assert.Equal(featureRows.Count, featureRows.Select(row => row.Key).Distinct().Count());
            Assert.NotEmpty(featureRows);
        }

        Assert.Single(hashes.Distinct());
        Assert.Single(live.Distinct());
    }

    [Fact]
    public async Task CommitAsync_OverwriteAndMergeOverLateData_ProduceIdenticalPartitions()
    {
        var overwrite = new Pipeline(await TestLake.CreateAsync(azurite));
        var merge = new Pipeline(await TestLake.CreateAsync(azurite));
        await overwrite.SeedAsync(First, 7);
        await merge.SeedAsync(First, 7);
        await overwrite.BuildEventsAsync(First, 7, WriteMode.Overwrite);

        // Merge first commits what was known the day after, then merges in everything that arrived later.
        for (var day = First; day <= Day; day = day.AddDays(1))
        {
            await merge.RawAsync(day, Pipeline.At(day.AddDays(1), 2), WriteMode.Merge);
            await merge.StagingAsync(day, WriteMode.Merge);
        }

        await merge.FeaturesAsync(FeatureVersions.V1, Day, WriteMode.Merge);
        await merge.BuildEventsAsync(First, 7, WriteMode.Merge);
        var merged = await merge.FeaturesAsync(FeatureVersions.V1, Day, WriteMode.Merge);
        var overwritten = await overwrite.FeaturesAsync(FeatureVersions.V1, Day, WriteMode.Overwrite);

        Assert.Equal(overwritten.Commit.ContentHash, merged.Commit.ContentHash);
        foreach (var dataset in new[] { Datasets.Raw, Datasets.Staging })
        {
            var left = await overwrite.Reader.GetRequiredCommitAsync(dataset, Day, TestContext.Current.CancellationToken);
            var right = await merge.Reader.GetRequiredCommitAsync(dataset, Day, TestContext.Current.CancellationToken);
            Assert.Equal(left.ContentHash, right.ContentHash);
        }
    }

    [Fact]
    public async Task PublishAsync_TwoWritersStagedOnSameBase_ExactlyOneWinsEachRound()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        var ct = TestContext.Current.CancellationToken;
        var request = new CommitRequest(FeatureRowsBuilder.Features.Name, Day, WriteMode.Overwrite, TestLake.Run());

        for (var round = 0; round < 5; round++)
        {
            var a = await pipeline.Committer.StageAsync(request, new FeatureRowsBuilder(pipeline.Reader, [FeatureRowsBuilder.Row("a", Day.Date, round)]), ct);
            var b = await pipeline.Committer.StageAsync(request, new FeatureRowsBuilder(pipeline.Reader, [FeatureRowsBuilder.Row("b", Day.Date, round)]), ct);

            var statuses = await Task.WhenAll(pipeline.Committer.PublishAsync(a, ct), pipeline.Committer.PublishAsync(b, ct));

            Assert.Equal([CommitStatus.Published, CommitStatus.Conflict], statuses.Order());
            var winner = statuses[0] == CommitStatus.Published ? a : b;
            Assert.Equal(winner.Commit.CommitId, (await pipeline.Reader.GetLiveCommitAsync(request.Dataset, Day, ct))!.CommitId);
        }
    }

    [Fact]
    public async Task CommitAsync_OverwriteLosesRace_ReportsConflictAndKeepsWinner()
    {
        var pipeline = new Pipeline(await TestLake.CreateAsync(azurite));
        var ct = TestContext.Current.CancellationToken;
        var request = new CommitRequest(FeatureRowsBuilder.Features.Name, Day, WriteMode.Overwrite, TestLake.Run());
        CommitResult? rival = null;
        var loser = new FeatureRowsBuilder(pipeline.Reader, [FeatureRowsBuilder.Row("a", Day.Date, 1)], async () =>
            rival = await pipeline.Committer.CommitAsync(
                request, new FeatureRowsBuilder(pipeline.Reader, [FeatureRowsBuilder.Row("b", Day.Date, 2)]), PassingValidator.Instance, ct));

        var result = await pipeline.Committer.CommitAsync(request, loser, PassingValidator.Instance, ct);

        Assert.Equal(CommitStatus.Conflict, result.Status);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(rival!.Commit.CommitId, (await pipeline.Reader.GetLiveCommitAsync(request.Dataset, Day, ct))!.CommitId);
    }

    [Fact]
    public async Task CommitAsync_MergeLosesRace_RereadsBaseAndKeepsBothUpdates()
    {
        var pipeline = new Pipeline(await TestLake.CreateAsync(azurite));
        var ct = TestContext.Current.CancellationToken;
        var request = new CommitRequest(FeatureRowsBuilder.Features.Name, Day, WriteMode.Merge, TestLake.Run());
        var loser = new FeatureRowsBuilder(pipeline.Reader, [FeatureRowsBuilder.Row("a", Day.Date, 1)], async () =>
            await pipeline.Committer.CommitAsync(
                request, new FeatureRowsBuilder(pipeline.Reader, [FeatureRowsBuilder.Row("b", Day.Date, 2)]), PassingValidator.Instance, ct));

        var result = await pipeline.Committer.CommitAsync(request, loser, PassingValidator.Instance, ct);

        Assert.Equal(CommitStatus.Published, result.Status);
        Assert.Equal(2, result.Attempts);
        var rows = await pipeline.Reader.ReadFeaturesAsync(result.Commit, FeatureRowsBuilder.Features, ct);
        Assert.Equal(["a", "b"], rows.Select(row => row.EntityId));
    }

    [Fact]
    public async Task CommitAsync_ConcurrentMergeWriters_NoLostUpdate()
    {
        var lake = await TestLake.CreateAsync(azurite, options: new() { MaxMergeAttempts = 50 });
        var pipeline = new Pipeline(lake);
        var ct = TestContext.Current.CancellationToken;
        var request = new CommitRequest(FeatureRowsBuilder.Features.Name, Day, WriteMode.Merge, TestLake.Run());

        async Task WriteAsync(string writer)
        {
            for (var round = 0; round < 5; round++)
            {
                var rows = new FeatureRowsBuilder(pipeline.Reader, [FeatureRowsBuilder.Row($"{writer}{round}", Day.Date, round)]);
                var result = await pipeline.Committer.CommitAsync(request, rows, PassingValidator.Instance, ct);
                Assert.Equal(CommitStatus.Published, result.Status);
            }
        }

        await Task.WhenAll(WriteAsync("a"), WriteAsync("b"));

        var live = await pipeline.Reader.GetRequiredCommitAsync(request.Dataset, Day, ct);
        var entities = (await pipeline.Reader.ReadFeaturesAsync(live, FeatureRowsBuilder.Features, ct)).Select(row => row.EntityId);
        Assert.Equal(["a0", "a1", "a2", "a3", "a4", "b0", "b1", "b2", "b3", "b4"], entities);
    }

    [Fact]
    public async Task GetLiveCommitAsync_PollingDuring50Commits_NeverSeesAMixedPartition()
    {
        var pipeline = new Pipeline(await TestLake.CreateAsync(azurite));
        var ct = TestContext.Current.CancellationToken;
        var request = new CommitRequest(FeatureRowsBuilder.Features.Name, Day, WriteMode.Overwrite, TestLake.Run());
        using var done = new CancellationTokenSource();

        async Task<int> PollAsync()
        {
            var reads = 0;
            while (!done.IsCancellationRequested)
            {
                if (await pipeline.Reader.GetLiveCommitAsync(request.Dataset, Day, ct) is not { } live)
                {
                    continue;
                }

                var rows = await pipeline.Reader.ReadFeaturesAsync(live, FeatureRowsBuilder.Features, ct);
                var marker = rows[0].Values[0];
                Assert.All(rows, row => Assert.All(row.Values, value => Assert.Equal(marker, value)));
                Assert.Equal(RowsOfRound((int)marker), rows.Count);
                Assert.Equal(live.RowCount, rows.Count);
                reads++;
            }

            return reads;
        }

        var reader = Task.Run(PollAsync, ct);
        for (var round = 0; round < 50; round++)
        {
            var rows = Enumerable.Range(0, RowsOfRound(round)).Select(i => FeatureRowsBuilder.Row($"e{i:D3}", Day.Date, round)).ToList();
            var result = await pipeline.Committer.CommitAsync(request, new FeatureRowsBuilder(pipeline.Reader, rows), PassingValidator.Instance, ct);
            Assert.Equal(CommitStatus.Published, result.Status);
        }

        await done.CancelAsync();
        Assert.True(await reader > 0);
    }

    [Fact]
    public async Task StageAsync_WriterAbandonsBeforePublish_LeavesLivePartitionIntact()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        var ct = TestContext.Current.CancellationToken;
        var request = new CommitRequest(FeatureRowsBuilder.Features.Name, Day, WriteMode.Overwrite, TestLake.Run());
        var published = await pipeline.Committer.CommitAsync(
            request, new FeatureRowsBuilder(pipeline.Reader, [FeatureRowsBuilder.Row("old", Day.Date, 1)]), PassingValidator.Instance, ct);

        // The writer dies after uploading every file but before replacing the manifest.
        var abandoned = await pipeline.Committer.StageAsync(
            request, new FeatureRowsBuilder(pipeline.Reader, [FeatureRowsBuilder.Row("new", Day.Date, 2)]), ct);

        var live = await pipeline.Reader.GetRequiredCommitAsync(request.Dataset, Day, ct);
        Assert.Equal(published.Commit.CommitId, live.CommitId);
        Assert.Equal(["old"], (await pipeline.Reader.ReadFeaturesAsync(live, FeatureRowsBuilder.Features, ct)).Select(row => row.EntityId));
        var staged = TestLake.Container(azurite, lake).GetBlobClient(
            $"{request.Dataset}/{Day.PathSegment}/commit={abandoned.Commit.CommitId}/features.parquet");
        Assert.True(await staged.ExistsAsync(ct));
    }

    [Fact]
    public async Task CommitAsync_ValidatorFails_RejectsAndKeepsLivePartition()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        var ct = TestContext.Current.CancellationToken;
        var request = new CommitRequest(FeatureRowsBuilder.Features.Name, Day, WriteMode.Merge, TestLake.Run());
        var published = await pipeline.Committer.CommitAsync(
            request, new FeatureRowsBuilder(pipeline.Reader, [FeatureRowsBuilder.Row("old", Day.Date, 1)]), PassingValidator.Instance, ct);
        var validator = new FailingValidator();

        var result = await pipeline.Committer.CommitAsync(
            request, new FeatureRowsBuilder(pipeline.Reader, [FeatureRowsBuilder.Row("new", Day.Date, 2)]), validator, ct);

        Assert.Equal(CommitStatus.Rejected, result.Status);
        Assert.Equal(result.Commit.CommitId, validator.Seen?.Commit.CommitId);
        var lineage = await new Backfill.Storage.Lineage.LineageStore(lake).GetAsync(request.Dataset, Day, result.Commit.CommitId, ct);
        Assert.Equal((CommitStatus.Rejected, ValidationStatus.Fail), (lineage!.Status, lineage.Validation));
        Assert.Equal(published.Commit.CommitId, (await pipeline.Reader.GetRequiredCommitAsync(request.Dataset, Day, ct)).CommitId);
    }

    [Fact]
    public async Task PublishAsync_Manifest_IsSnakeCaseJsonNamingTheCommit()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        var ct = TestContext.Current.CancellationToken;
        var request = new CommitRequest(FeatureRowsBuilder.Features.Name, Day, WriteMode.Merge, TestLake.Run());
        var result = await pipeline.Committer.CommitAsync(
            request, new FeatureRowsBuilder(pipeline.Reader, [FeatureRowsBuilder.Row("a", Day.Date, 1)]), PassingValidator.Instance, ct);

        var manifest = (await TestLake.Container(azurite, lake).GetBlobClient($"features_v1/{Day.PathSegment}/_manifest.json")
            .DownloadContentAsync(ct)).Value.Content.ToString();

        Assert.Contains($"\"commit_id\": \"{result.Commit.CommitId}\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"write_mode\": \"merge\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"trigger\": \"backfill\"", manifest, StringComparison.Ordinal);
        Assert.Contains($"\"content_hash\": \"{result.Commit.ContentHash}\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"history\": []", manifest, StringComparison.Ordinal);
        Assert.Contains($"\"partition\": \"{Day}\"", manifest, StringComparison.Ordinal);
    }

    private static int RowsOfRound(int round) => 5 + (round % 7);

    private sealed class FailingValidator : ICommitValidator
    {
        public StagedCommit? Seen { get; private set; }

        public Task<PartitionValidationReport> ValidateAsync(StagedCommit staged, CancellationToken cancellationToken)
        {
            Seen = staged;
            return Task.FromResult(new PartitionValidationReport(
                [new ValidationResult(ValidationCheckNames.RowCountBounds, null, ValidationStatus.Fail, 1, 100, "1 row, expected at least 100.")]));
        }

        public Task<ReadBack> ReadBackAsync(CommitRecord bucket, BucketScope scope, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Whole-day commits only.");

        public Task<PartitionValidationReport> JudgeAsync(CommitRecord commit, ReadBack readBack, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Whole-day commits only.");
    }
}

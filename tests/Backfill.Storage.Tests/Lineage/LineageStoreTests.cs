using Backfill.Core.Features;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;
using Backfill.Core.Validation;
using Backfill.Core.Versioning;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Lineage;
using Backfill.Storage.Tests.Support;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Lineage;

public sealed class LineageStoreTests(AzuriteFixture azurite)
{
    private static readonly Day First = Day.Parse("2025-01-01");
    private static readonly Day Day = First.AddDays(6);

    [Fact]
    public async Task GetAsync_PublishedFeatureCommit_RecordsRunInputsVersionsAndCounts()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        await pipeline.SeedAsync(First, 7);
        await pipeline.BuildEventsAsync(First, 6);
        var previous = await pipeline.FeaturesAsync(FeatureVersions.V1, Day);
        // Day's own staging arrives after the first features commit, so the merge has new content to publish.
        await pipeline.BuildEventsAsync(Day, 1);
        var ct = TestContext.Current.CancellationToken;

        var result = await pipeline.FeaturesAsync(FeatureVersions.V1, Day, WriteMode.Merge);
        var entry = await new LineageStore(lake).GetAsync(FeatureVersions.V1.Name, Day, result.Commit.CommitId, ct);

        var staging = new List<string>();
        for (var day = First; day <= Day; day = day.AddDays(1))
        {
            staging.Add($"staging/{day}@{(await pipeline.Reader.GetRequiredCommitAsync(Datasets.Staging, day, ct)).CommitId}");
        }

        Assert.NotNull(entry);
        Assert.Equal(CommitStatus.Published, entry.Status);
        Assert.Equal(("run-1", RunTrigger.Backfill, "bf-1"), (entry.RunId, entry.Trigger, entry.BackfillId));
        Assert.Equal((CodeVersion.Current.Value, FeatureVersions.V1.ConfigHash), (entry.CodeVersion, entry.ConfigHash));
        Assert.Equal(WriteMode.Merge, entry.WriteMode);
        Assert.Equal(staging, entry.InputCommitIds);
        Assert.Equal((result.Commit.RowCount, result.Commit.ContentHash), (entry.RowCount, entry.ContentHash));
        Assert.Equal(previous.Commit.CommitId, entry.PreviousCommitId);
        Assert.Equal(ValidationStatus.Pass, entry.Validation);
        Assert.NotNull(entry.Timings.ValidateMilliseconds);
        Assert.NotNull(entry.Timings.PublishMilliseconds);
    }

    [Fact]
    public async Task ListAsync_RejectedAndConflictingCommits_AreRecordedWithTheirStatus()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        var ct = TestContext.Current.CancellationToken;
        var request = new CommitRequest(FeatureRowsBuilder.Features.Name, Day, WriteMode.Overwrite, TestLake.Run());
        var a = await pipeline.Committer.StageAsync(request, new FeatureRowsBuilder(pipeline.Reader, [FeatureRowsBuilder.Row("a", Day.Date, 1)]), ct);
        var b = await pipeline.Committer.StageAsync(request, new FeatureRowsBuilder(pipeline.Reader, [FeatureRowsBuilder.Row("b", Day.Date, 1)]), ct);
        await pipeline.Committer.PublishAsync(a, ct);
        await pipeline.Committer.PublishAsync(b, ct);

        var entries = await new LineageStore(lake).ListAsync(request.Dataset, Day, ct);

        Assert.Equal(
            [(a.Commit.CommitId, CommitStatus.Published), (b.Commit.CommitId, CommitStatus.Conflict)],
            entries.Select(entry => (entry.CommitId, entry.Status)));
    }

    [Fact]
    public async Task ListRangeAsync_CommitsOnFourDays_ReturnsOnlyTheRangeWithValidationResults()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        var ct = TestContext.Current.CancellationToken;
        var dataset = FeatureRowsBuilder.Features.Name;
        var validator = new FixedValidator(
            new ValidationResult(ValidationCheckNames.RowCountBounds, null, ValidationStatus.Pass, 1, 1, "1 rows is within 1..max."),
            new ValidationResult(ValidationCheckNames.KeyUniqueness, "entity_id", ValidationStatus.Warn, 0.5, null, "half the keys repeat."));
        var results = (await CommitOnFourDaysAsync(pipeline, validator)).ToDictionary(r => r.Commit.Partition);

        var store = new LineageStore(lake);
        var entries = await store.ListRangeAsync(dataset, Day, Day.AddDays(1), ct);

        Assert.Equal([Day, Day.AddDays(1)], entries.Select(e => e.Partition));
        Assert.All(entries, e => Assert.Equal(results[e.Partition].Commit.CommitId, e.CommitId));
        Assert.All(entries, e => Assert.Equal(results[e.Partition].Validation.Results, e.ValidationResults));
        Assert.Equal(2, entries[0].ValidationResults.Count);
        Assert.Equal(Day.AddDays(3), await store.NewestDayAsync(dataset, ct));
        Assert.Null(await store.NewestDayAsync(dataset + "_other", ct));
    }

    [Fact]
    public async Task RecentPublishedAsync_CommitsOnFourDays_ReturnsTheNewestPublishedWithTimingsAndSizes()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        var ct = TestContext.Current.CancellationToken;
        var dataset = FeatureRowsBuilder.Features.Name;
        var published = await CommitOnFourDaysAsync(pipeline, PassingValidator.Instance);

        // A staged commit that never published, and a row written before sizes were recorded: neither breaks the read.
        var request = new CommitRequest(dataset, Day.AddDays(5), WriteMode.Overwrite, TestLake.Run());
        await pipeline.Committer.StageAsync(request, new FeatureRowsBuilder(pipeline.Reader, [FeatureRowsBuilder.Row("b", Day.Date, 1)]), ct);
        var old = published[0].Commit;
        await lake.Lineage.UpsertEntityAsync(
            new Azure.Data.Tables.TableEntity($"{dataset}|{old.Partition}", old.CommitId) { ["Status"] = "published", ["BuildMs"] = 7L, ["StageMs"] = 3L }, Azure.Data.Tables.TableUpdateMode.Replace, ct);
        var store = new LineageStore(lake);

        var recent = await store.RecentPublishedAsync(dataset, 3, ct);
        var all = await store.RecentPublishedAsync(dataset, 50, ct);

        Assert.Equal(published.Skip(1).Reverse().Select(p => p.Commit.CommitId), recent.Select(c => c.CommitId));
        Assert.All(recent, c => Assert.Equal(published.Single(p => p.Commit.CommitId == c.CommitId).Commit.Files.Sum(f => f.Bytes), c.Bytes));
        Assert.All(recent, c => Assert.NotNull(c.Timings.PublishMilliseconds));
        Assert.Equal((old.CommitId, (long?)null, TimeSpan.FromMilliseconds(10)), (all[^1].CommitId, all[^1].Bytes, all[^1].Timings.Duration));
        Assert.Equal(4, all.Count);
        Assert.Empty(await store.RecentPublishedAsync(dataset + "_other", 3, ct));
        var entry = await store.GetAsync(dataset, Day, published[1].Commit.CommitId, ct);
        Assert.Equal(published[1].Commit.Files.Sum(f => f.Bytes), entry!.Bytes);
    }

    [Fact]
    public async Task StageAsync_DataFiles_CarryLineageBlobMetadata()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        var ct = TestContext.Current.CancellationToken;
        var request = new CommitRequest(FeatureRowsBuilder.Features.Name, Day, WriteMode.Overwrite, TestLake.Run("run-42"));

        var staged = await pipeline.Committer.StageAsync(request, new FeatureRowsBuilder(pipeline.Reader, [FeatureRowsBuilder.Row("a", Day.Date, 1)]), ct);

        var properties = await TestLake.Container(azurite, lake)
            .GetBlobClient($"features_v1/{Day.PathSegment}/commit={staged.Commit.CommitId}/features.parquet")
            .GetPropertiesAsync(cancellationToken: ct);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["run_id"] = "run-42",
                ["commit_id"] = staged.Commit.CommitId,
                ["code_version"] = CodeVersion.Current.Value,
                ["dataset"] = "features_v1",
                ["date"] = Day.ToString(),
            },
            properties.Value.Metadata);
    }

    /// <summary>Commits one row of the test features dataset on four days around <see cref="Day"/>, in day order.</summary>
    private static async Task<List<CommitResult>> CommitOnFourDaysAsync(Pipeline pipeline, ICommitValidator validator)
    {
        var results = new List<CommitResult>();
        foreach (var day in new[] { Day.AddDays(-1), Day, Day.AddDays(1), Day.AddDays(3) })
        {
            results.Add(await pipeline.Committer.CommitAsync(
                new CommitRequest(FeatureRowsBuilder.Features.Name, day, WriteMode.Overwrite, TestLake.Run()),
                new FeatureRowsBuilder(pipeline.Reader, [FeatureRowsBuilder.Row("a", day.Date, 1)]),
                validator,
                TestContext.Current.CancellationToken));
        }

        return results;
    }
}

using Backfill.Core.Partitions;
using Backfill.Core.Validation;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Lineage;
using Backfill.Storage.Tests.Support;
using Backfill.Storage.Validation;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Validation;

/// <summary>
/// A commit is compared with the partitions live at its run's baseline time: a day republished since is read at its
/// earlier commit, a day first published since is left out, and every result names the commits it used.
/// </summary>
public sealed class PinnedBaselineTests(AzuriteFixture azurite)
{
    private static readonly Day First = Day.Parse("2025-03-01");
    private static readonly Day Rewritten = First.AddDays(6);
    private static readonly Day PublishedLater = First.AddDays(7);
    private static readonly Day Candidate = First.AddDays(8);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Validate_PinnedRun_ComparesWithCommitsLiveAtItsBaselineTime()
    {
        var time = new ShiftedTimeProvider();
        var lake = await TestLake.CreateAsync(azurite, time);
        var pipeline = new Pipeline(lake, new PartitionValidator(lake, _ => new ValidationThresholds()));
        await pipeline.SeedAsync(First, 9);
        var complete = Pipeline.At(Candidate.AddDays(7));
        for (var day = First; day < Rewritten; day = day.AddDays(1))
        {
            await pipeline.RawAsync(day, complete);
        }

        // Before the baseline time the rewritten day holds only what had landed by its next morning.
        var before = await pipeline.RawAsync(Rewritten, Pipeline.At(Rewritten.AddDays(1), 6));
        var pinned = lake.Time.GetUtcNow();
        time.Advance(TimeSpan.FromMinutes(1));
        var after = await pipeline.RawAsync(Rewritten, complete);
        await pipeline.RawAsync(PublishedLater, complete);
        Assert.Equal((CommitStatus.Published, CommitStatus.Published), (before.Status, after.Status));
        Assert.NotEqual(before.Commit.RowCount, after.Commit.RowCount);

        var pinnedResults = await ValidateCandidateAsync(lake, pipeline, pinned);
        var liveResults = await ValidateCandidateAsync(lake, pipeline, null);

        var pinnedTrend = Assert.Single(pinnedResults.Results, r => r.Name == ValidationCheckNames.RowCountTrend);
        Assert.Contains($"raw/{Rewritten}@{before.Commit.CommitId}", pinnedTrend.Baseline!);
        Assert.DoesNotContain(pinnedTrend.Baseline!, id => id.StartsWith($"raw/{PublishedLater}@", StringComparison.Ordinal));
        Assert.Equal(7, pinnedTrend.Baseline!.Count);
        var liveTrend = Assert.Single(liveResults.Results, r => r.Name == ValidationCheckNames.RowCountTrend);
        Assert.Contains($"raw/{Rewritten}@{after.Commit.CommitId}", liveTrend.Baseline!);
        Assert.Contains(liveTrend.Baseline!, id => id.StartsWith($"raw/{PublishedLater}@", StringComparison.Ordinal));

        // Null rate of a nullable column names the same baseline; a check that compares with nothing names none.
        Assert.Equal(pinnedTrend.Baseline, Assert.Single(pinnedResults.Results, r => r is { Name: ValidationCheckNames.NullRate, Column: "amount" }).Baseline);
        Assert.Null(Assert.Single(pinnedResults.Results, r => r.Name == ValidationCheckNames.RowCountBounds).Baseline);
    }

    [Fact]
    public async Task Validate_PinnedRun_LineageKeepsBaselineTimeAndBaselineIds()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake, new PartitionValidator(lake, _ => new ValidationThresholds()));
        await pipeline.SeedAsync(First, 2);
        var complete = Pipeline.At(First.AddDays(9));
        var earlier = await pipeline.RawAsync(First, complete);
        var pinned = lake.Time.GetUtcNow();

        var staged = await pipeline.Committer.StageAsync(
            new CommitRequest(Datasets.Raw, First.AddDays(1), WriteMode.Overwrite, TestLake.Run() with { BaselineAsOf = pinned }),
            new RawPartitionBuilder(pipeline.Landing, pipeline.Reader, First.AddDays(1), complete), Ct);
        var report = await pipeline.Committer.ValidateAsync(staged, new PartitionValidator(lake, _ => new ValidationThresholds()), Ct);
        await pipeline.Committer.PublishAsync(staged, report, Ct);
        var lineage = await new LineageStore(lake).GetAsync(Datasets.Raw, First.AddDays(1), staged.Commit.CommitId, Ct);
        var earlierLineage = await new LineageStore(lake).GetAsync(Datasets.Raw, First, earlier.Commit.CommitId, Ct);

        Assert.Equal(pinned, lineage!.BaselineAsOf);
        Assert.Equal(report.Results, lineage.ValidationResults);
        Assert.Equal([$"raw/{First}@{earlier.Commit.CommitId}"], lineage.ValidationResults.Single(r => r.Name == ValidationCheckNames.RowCountTrend).Baseline);
        Assert.NotNull(lineage.PublishedAt);
        Assert.True(earlierLineage!.PublishedAt <= pinned);
    }

    private static async Task<PartitionValidationReport> ValidateCandidateAsync(Backfill.Storage.Layout.LakeStorage lake, Pipeline pipeline, DateTimeOffset? baselineAsOf)
    {
        var staged = await pipeline.Committer.StageAsync(
            new CommitRequest(Datasets.Raw, Candidate, WriteMode.Overwrite, TestLake.Run() with { BaselineAsOf = baselineAsOf }),
            new RawPartitionBuilder(pipeline.Landing, pipeline.Reader, Candidate, Pipeline.At(Candidate.AddDays(7))), Ct);
        return await pipeline.Committer.ValidateAsync(staged, new PartitionValidator(lake, _ => new ValidationThresholds()), Ct);
    }
}

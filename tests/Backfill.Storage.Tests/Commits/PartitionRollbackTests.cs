using Backfill.Core.Partitions;
using Backfill.Storage.Commits;
using Backfill.Storage.Layout;
using Backfill.Storage.Lineage;
using Backfill.Storage.Tests.Support;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Commits;

public sealed class PartitionRollbackTests(AzuriteFixture azurite)
{
    private static readonly Day Day = Day.Parse("2025-01-07");

    [Fact]
    public async Task RollbackAsync_ThreeCommits_StepsBackOneCommitAtATime()
    {
        var (lake, pipeline, ids) = await ThreeCommitsAsync();
        var rollback = new PartitionRollback(lake);
        var ct = TestContext.Current.CancellationToken;

        var first = await rollback.RollbackAsync(FeatureRowsBuilder.Features.Name, Day, ct);
        var second = await rollback.RollbackAsync(FeatureRowsBuilder.Features.Name, Day, ct);
        var third = await rollback.RollbackAsync(FeatureRowsBuilder.Features.Name, Day, ct);

        Assert.Equal((RollbackStatus.RolledBack, ids[1], ids[2]), (first.Status, first.LiveCommitId, Assert.Single(first.RolledBack!)));
        Assert.Equal((RollbackStatus.RolledBack, ids[0], ids[1]), (second.Status, second.LiveCommitId, Assert.Single(second.RolledBack!)));
        Assert.Equal(new RollbackResult(RollbackStatus.NoPreviousCommit, ids[0]), third);
        var lineage = new LineageStore(lake);
        Assert.Equal(CommitStatus.RolledBack, (await lineage.GetAsync(FeatureRowsBuilder.Features.Name, Day, ids[2], ct))!.Status);
        var live = await pipeline.Reader.GetRequiredCommitAsync(FeatureRowsBuilder.Features.Name, Day, ct);
        var rows = await pipeline.Reader.ReadFeaturesAsync(live, FeatureRowsBuilder.Features, ct);
        Assert.Equal(1.0, Assert.Single(rows).Values[0]);
    }

    [Fact]
    public async Task RollbackToAsync_OlderCommit_MakesItLiveAndMarksNewerRolledBack()
    {
        var (lake, pipeline, ids) = await ThreeCommitsAsync();
        var rollback = new PartitionRollback(lake);
        var ct = TestContext.Current.CancellationToken;

        var unknown = await rollback.RollbackToAsync(FeatureRowsBuilder.Features.Name, Day, "nope", ct);
        var alreadyLive = await rollback.RollbackToAsync(FeatureRowsBuilder.Features.Name, Day, ids[2], ct);
        var done = await rollback.RollbackToAsync(FeatureRowsBuilder.Features.Name, Day, ids[0], ct);

        Assert.Equal((RollbackStatus.UnknownCommit, ids[2]), (unknown.Status, unknown.LiveCommitId));
        Assert.Equal((RollbackStatus.AlreadyLive, ids[2]), (alreadyLive.Status, alreadyLive.LiveCommitId));
        Assert.Equal((RollbackStatus.RolledBack, ids[0]), (done.Status, done.LiveCommitId));
        Assert.Equal([ids[2], ids[1]], done.RolledBack!);
        Assert.Equal(ids[0], (await pipeline.Reader.GetRequiredCommitAsync(FeatureRowsBuilder.Features.Name, Day, ct)).CommitId);
        var lineage = new LineageStore(lake);
        Assert.Equal(
            [CommitStatus.Published, CommitStatus.RolledBack, CommitStatus.RolledBack],
            (await lineage.ListAsync(FeatureRowsBuilder.Features.Name, Day, ct)).OrderBy(e => e.CommitId, StringComparer.Ordinal).Select(e => e.Status));
    }

    [Fact]
    public async Task RollbackAsync_NoManifest_ReportsNoPartition()
    {
        var rollback = new PartitionRollback(await TestLake.CreateAsync(azurite));

        var result = await rollback.RollbackAsync("features_v1", Day, TestContext.Current.CancellationToken);

        Assert.Equal(new RollbackResult(RollbackStatus.NoPartition, null), result);
    }

    [Fact]
    public async Task PublishAsync_AfterRollback_BuildsOnTheRolledBackPartition()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        var first = await CommitAsync(pipeline, 1);
        await CommitAsync(pipeline, 2);
        await new PartitionRollback(lake).RollbackAsync(FeatureRowsBuilder.Features.Name, Day, TestContext.Current.CancellationToken);

        var third = await CommitAsync(pipeline, 3);

        Assert.Equal(CommitStatus.Published, third.Status);
        Assert.Equal(first.Commit.CommitId, third.Commit.Lineage.PreviousCommitId);
    }

    // A fresh lake whose features partition has three published commits (markers 1, 2, 3), oldest first.
    private async Task<(LakeStorage Lake, Pipeline Pipeline, List<string> Ids)> ThreeCommitsAsync()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        var ids = new List<string>();
        for (var round = 1; round <= 3; round++)
        {
            ids.Add((await CommitAsync(pipeline, round)).Commit.CommitId);
        }

        return (lake, pipeline, ids);
    }

    internal static Task<CommitResult> CommitAsync(Pipeline pipeline, double marker) =>
        pipeline.Committer.CommitAsync(
            new CommitRequest(FeatureRowsBuilder.Features.Name, Day, WriteMode.Overwrite, TestLake.Run()),
            new FeatureRowsBuilder(pipeline.Reader, [FeatureRowsBuilder.Row("e1", Day.Date, marker)]),
            PassingValidator.Instance,
            TestContext.Current.CancellationToken);
}

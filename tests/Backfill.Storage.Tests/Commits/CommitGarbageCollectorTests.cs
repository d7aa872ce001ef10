using Azure.Storage.Blobs.Models;
using Backfill.Core.Partitions;
using Backfill.Storage.Commits;
using Backfill.Storage.Layout;
using Backfill.Storage.Tests.Support;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Commits;

public sealed class CommitGarbageCollectorTests(AzuriteFixture azurite)
{
    private static readonly Day Day = Day.Parse("2025-01-07");

    [Fact]
    public async Task CollectAsync_AfterRetention_DeletesOnlyUnreferencedCommits()
    {
        var time = new ShiftedTimeProvider();
        var lake = await TestLake.CreateAsync(azurite, time, new() { KeepPreviousCommits = 2, GarbageRetention = TimeSpan.FromHours(1) });
        var pipeline = new Pipeline(lake);
        var ct = TestContext.Current.CancellationToken;
        var ids = new List<string>();
        for (var round = 1; round <= 4; round++)
        {
            ids.Add((await PartitionRollbackTests.CommitAsync(pipeline, round)).Commit.CommitId);
        }

        var abandoned = await pipeline.Committer.StageAsync(
            new CommitRequest(FeatureRowsBuilder.Features.Name, Day, WriteMode.Overwrite, TestLake.Run()),
            new FeatureRowsBuilder(pipeline.Reader, [FeatureRowsBuilder.Row("e1", Day.Date, 9)]),
            ct);
        var collector = new CommitGarbageCollector(lake);

        var early = await collector.CollectAsync(FeatureRowsBuilder.Features.Name, Day, ct);
        time.Advance(TimeSpan.FromHours(2));
        var late = await collector.CollectAsync(FeatureRowsBuilder.Features.Name, Day, ct);

        Assert.Empty(early);
        Assert.Equal([ids[0], abandoned.Commit.CommitId], late);
        Assert.Equal(ids[1..], await CommitFoldersAsync(lake));
        var live = await pipeline.Reader.GetRequiredCommitAsync(FeatureRowsBuilder.Features.Name, Day, ct);
        Assert.Single(await pipeline.Reader.ReadFeaturesAsync(live, FeatureRowsBuilder.Features, ct));
    }

    private async Task<List<string>> CommitFoldersAsync(LakeStorage lake)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var blob in TestLake.Container(azurite, lake).GetBlobsAsync(
                           BlobTraits.None, BlobStates.None, $"features_v1/{Day.PathSegment}/commit=", TestContext.Current.CancellationToken))
        {
            folders.Add(blob.Name.Split('/')[2]["commit=".Length..]);
        }

        return [.. folders];
    }
}

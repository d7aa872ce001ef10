using Backfill.Core.Features;
using Backfill.Core.Partitions;
using Backfill.Storage.Tests.Support;
using Backfill.Testing;
using Backfill.Workflows.Api;
using Backfill.Workflows.Pipeline;
using Backfill.Workflows.Tests.Support;
using Microsoft.AspNetCore.Http;
using SamplePipeline = Backfill.Storage.Tests.Support.Pipeline;

namespace Backfill.Workflows.Tests.Api;

/// <summary>
/// A look at one day split into buckets, on a real lake: the rows come from the first buckets only, so a damaged
/// later bucket does not stop a small read, while the row count is still the whole day's.
/// </summary>
public sealed class ReadHandlerTests(AzuriteFixture azurite)
{
    private static readonly Day Day = Day.Parse("2025-03-01");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_BucketedDay_ReadsOnlyTheBucketsTheLimitNeedsAndCountsTheWholeDay()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new SamplePipeline(lake);
        await pipeline.SeedAsync(Day, 1);
        await pipeline.BuildEventsAsync(Day, 1);
        var commit = (await pipeline.FeaturesAsync(FeatureVersions.V1, Day, buckets: 8)).Commit;
        var firstBucket = await pipeline.Reader.ReadFeaturesAsync(commit, FeatureVersions.V1, new(0, commit.BucketCount), Cancel);
        Assert.True(firstBucket.Count > 2, $"bucket 0 holds {firstBucket.Count} rows");
        var handler = new ReadHandler(new LakeReady(lake));

        var (wholeStatus, whole) = await HandlerCall.SendAsync(handler.ReadAsync(HandlerCall.Request($"?limit={ReadHandler.MaxLimit}"), "features", Day.ToString()));
        Assert.Equal(StatusCodes.Status200OK, wholeStatus);
        Assert.Equal(commit.RowCount, whole.GetProperty("rows").GetArrayLength());

        // Bucket 7's file no longer matches its recorded hash: any read of it fails, so a read that succeeds never opened it.
        var damaged = commit.Files.Single(file => file.Name == "bucket=007/features.parquet");
        await TestLake.Container(azurite, lake).GetBlobClient($"features_v1/{Day.PathSegment}/commit={commit.CommitId}/{damaged.Name}")
            .UploadAsync(BinaryData.FromString("damaged"), overwrite: true, Cancel);

        var (status, body) = await HandlerCall.SendAsync(handler.ReadAsync(HandlerCall.Request("?limit=2"), "features", Day.ToString()));

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal((commit.CommitId, commit.RowCount), (body.GetProperty("commitId").GetString(), body.GetProperty("rowCount").GetInt64()));
        Assert.Equal(
            firstBucket.Take(2).Select(row => row.EntityId),
            body.GetProperty("rows").EnumerateArray().Select(row => row.GetProperty("entity_id").GetString()));
    }
}

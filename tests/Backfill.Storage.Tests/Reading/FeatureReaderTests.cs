using Backfill.Core.Buckets;
using Backfill.Core.Features;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;
using Backfill.Storage.Pointers;
using Backfill.Storage.Reading;
using Backfill.Storage.Tests.Support;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Reading;

public sealed class FeatureReaderTests(AzuriteFixture azurite)
{
    private static readonly Day First = Day.Parse("2025-01-01");

    [Fact]
    public async Task ReadAsync_RangeWithAGap_ReturnsPublishedDaysAndNamesTheMissingOne()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        await pipeline.SeedAsync(First, 4);
        await pipeline.BuildEventsAsync(First, 4);
        var published = new List<InputCommit>();
        foreach (var day in new[] { First, First.AddDays(1), First.AddDays(3) })
        {
            var result = await pipeline.FeaturesAsync(FeatureVersions.V2, day);
            published.Add(new InputCommit(FeatureVersions.V2.Name, day, result.Commit.CommitId));
        }

        var read = await new FeatureReader(pipeline.Reader, new PointerStore(lake)).ReadAsync(FeatureVersions.V2, First, First.AddDays(3), TestContext.Current.CancellationToken);

        Assert.Equal(published, read.Commits);
        Assert.Equal([First.AddDays(2)], read.Missing);
        Assert.Equal([First.Date, First.Date.AddDays(1), First.Date.AddDays(3)], read.Rows.Select(row => row.Date).Distinct());
        Assert.All(read.Rows, row => Assert.Equal(FeatureVersions.V2.Features.Count, row.Values.Length));
    }

    [Fact]
    public async Task StreamAsync_BucketedDays_GivesOneBucketOfOneDayAtATimeAndTheReadsRows()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        await pipeline.SeedAsync(First, 3);
        await pipeline.BuildEventsAsync(First, 3);
        await pipeline.FeaturesAsync(FeatureVersions.V2, First, buckets: 4);
        await pipeline.FeaturesAsync(FeatureVersions.V2, First.AddDays(2));
        var reader = new FeatureReader(pipeline.Reader, new PointerStore(lake));

        var parts = await reader.StreamAsync(FeatureVersions.V2, First, First.AddDays(2), TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        var read = await reader.ReadAsync(FeatureVersions.V2, First, First.AddDays(2), TestContext.Current.CancellationToken);

        // Four buckets of the first day, the missing day, the one part of the day built whole.
        Assert.Equal([First, First, First, First, First.AddDays(1), First.AddDays(2)], parts.Select(part => part.Day));
        Assert.Null(parts[4].Commit);
        Assert.Empty(parts[4].Rows);
        Assert.All(parts.Take(4), part => Assert.NotEmpty(part.Rows));
        Assert.All(parts.Take(4).Select((part, bucket) => (part, bucket)), pair =>
            Assert.All(pair.part.Rows, row => Assert.Equal(pair.bucket, EntityBucket.Of(row.EntityId, BucketCount.Of(4)))));
        Assert.Equal(read.Rows, parts.SelectMany(part => part.Rows));
        Assert.Equal(read.Commits, parts.Where(part => part.Commit is not null).Select(part => part.Commit!).Distinct());
    }
}

using Backfill.Core.Buckets;

namespace Backfill.Core.Tests.Buckets;

public sealed class BucketSplitTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(64)]
    public void Split_Rows_PutsEachInItsBucketKeepingOrder(int buckets)
    {
        var count = BucketCount.Of(buckets);
        var rows = Enumerable.Range(0, 5_000).Select(i => (Entity: $"e{i % 700}", Index: i)).ToList();

        var split = BucketSplit.Split(rows, row => row.Entity, count);

        Assert.Equal(buckets, split.Length);
        for (var bucket = 0; bucket < buckets; bucket++)
        {
            Assert.All(split[bucket], row => Assert.Equal(bucket, EntityBucket.Of(row.Entity, count)));
            Assert.Equal(split[bucket].OrderBy(row => row.Index), split[bucket]);
        }

        Assert.Equal(rows, split.SelectMany(bucket => bucket).OrderBy(row => row.Index));
    }

    [Fact]
    public void Split_NoRows_GivesEmptyBuckets() =>
        Assert.All(BucketSplit.Split([], (string row) => row, BucketCount.Of(4)), Assert.Empty);
}

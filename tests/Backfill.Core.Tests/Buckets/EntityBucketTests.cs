using System.IO.Hashing;
using Backfill.Core.Buckets;

namespace Backfill.Core.Tests.Buckets;

public sealed class EntityBucketTests
{
    private static readonly string[] Ids = [.. Enumerable.Range(0, 10_000).Select(i => $"e{i:D6}")];

    [Fact]
    public void HashToUInt64_EmptyInput_IsTheSpecsReferenceValue()
    {
        // XXH3-64 of zero bytes with seed 0, as published with the algorithm: proves the library is XXH3 itself.
        Assert.Equal(0x2D06800538D394C2UL, XxHash3.HashToUInt64([]));
        Assert.Equal(0xC2, EntityBucket.Of("", BucketCount.Of(256)));
    }

    // Pinned once: a bucket is stored with the data, so a hashing change (library, encoding, seed) must fail here.
    [Theory]
    [InlineData("e1", 0x1F7E24023B50EAEFUL)]
    [InlineData("customer_12345", 0x7048998E65E0CB00UL)]
    [InlineData("é", 0xF7940A006CF10CB3UL)]
    public void Of_KnownIds_KeepTheirPinnedHashes(string entityId, ulong hash)
    {
        foreach (var bits in Enumerable.Range(0, 9))
        {
            Assert.Equal((int)(hash & ((1UL << bits) - 1)), EntityBucket.Of(entityId, BucketCount.Of(1 << bits)));
        }
    }

    [Fact]
    public void Of_NullEntityId_Throws() =>
        Assert.Throws<ArgumentNullException>(() => EntityBucket.Of(null!, BucketCount.Of(8)));

    [Fact]
    public void Of_OneBucket_IsAlwaysZero() =>
        Assert.All(Ids, id => Assert.Equal(0, EntityBucket.Of(id, BucketCount.One)));

    [Fact]
    public void Of_TwiceTheCount_NestsInTheCount()
    {
        for (var count = 1; count <= 128; count *= 2)
        {
            var (coarse, fine) = (BucketCount.Of(count), BucketCount.Of(count * 2));
            Assert.All(Ids, id => Assert.Equal(EntityBucket.Of(id, coarse), EntityBucket.Of(id, fine) % count));
        }
    }

    [Fact]
    public void Of_100kIds_SpreadsEvenlyOver64Buckets()
    {
        const int N = 100_000;
        var count = BucketCount.Of(64);
        var sizes = new int[count.Value];
        foreach (var i in Enumerable.Range(0, N))
        {
            sizes[EntityBucket.Of($"e{i:D6}", count)]++;
        }

        // n/B = 1562.5 with a binomial std of about 39: ±20% is eight standard deviations.
        Assert.All(sizes, size => Assert.InRange(size, 0.8 * N / count.Value, 1.2 * N / count.Value));
    }

    [Theory]
    [InlineData(5, 8, 1, new[] { 0 })]
    [InlineData(5, 8, 4, new[] { 1 })]
    [InlineData(5, 8, 8, new[] { 5 })]
    [InlineData(5, 8, 32, new[] { 5, 13, 21, 29 })]
    [InlineData(0, 1, 4, new[] { 0, 1, 2, 3 })]
    [InlineData(3, 4, 16, new[] { 3, 7, 11, 15 })]
    public void Upstream_Cases_AreTheBucketsHoldingItsEntities(int bucket, int count, int upstream, int[] expected) =>
        Assert.Equal(expected, EntityBucket.Upstream(bucket, BucketCount.Of(count), BucketCount.Of(upstream)));

    [Theory]
    [InlineData(-1, 8)]
    [InlineData(8, 8)]
    [InlineData(1, 1)]
    public void Upstream_BucketOutOfRange_Throws(int bucket, int count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EntityBucket.Upstream(bucket, BucketCount.Of(count), BucketCount.Of(4)));

    [Fact]
    public void Upstream_EveryCountPair_HoldsEveryEntityOfTheBucket()
    {
        var counts = Enumerable.Range(0, 9).Select(bits => BucketCount.Of(1 << bits)).ToList();
        foreach (var count in counts)
        {
            foreach (var upstream in counts)
            {
                Assert.All(Ids.Take(2_000), id => Assert.Contains(
                    EntityBucket.Of(id, upstream), EntityBucket.Upstream(EntityBucket.Of(id, count), count, upstream)));
            }
        }
    }
}

using Backfill.Core.Progress;

namespace Backfill.Core.Tests.Progress;

public sealed class ItemThroughputTests
{
    private static readonly DateTimeOffset End = new(2025, 3, 1, 10, 30, 20, TimeSpan.Zero);

    private static (DateTimeOffset, long) Ended(TimeSpan before, long ms) => (End - before, ms);

    [Fact]
    public void Of_NothingFinished_ZeroBucketsAndNoPercentiles()
    {
        var throughput = ItemThroughput.Of([], End);
        Assert.Equal(ItemThroughput.WindowMinutes, throughput.PerMinute.Count);
        Assert.All(throughput.PerMinute, n => Assert.Equal(0, n));
        Assert.Equal((0, (long?)null, (long?)null), (throughput.Finished, throughput.P50Milliseconds, throughput.P95Milliseconds));
    }

    [Fact]
    public void Of_ItemsInWholeMinutes_CountedInTheirMinuteOldestFirst()
    {
        // End is 10:30:20, so the last bucket is 10:30:00..10:30:59 and the first 09:31:00..09:31:59.
        var throughput = ItemThroughput.Of(
            [Ended(TimeSpan.Zero, 1), Ended(TimeSpan.FromSeconds(20), 1), Ended(TimeSpan.FromSeconds(21), 1), Ended(TimeSpan.FromMinutes(59).Add(TimeSpan.FromSeconds(20)), 1)],
            End);
        Assert.Equal(2, throughput.PerMinute[^1]);
        Assert.Equal(1, throughput.PerMinute[^2]);
        Assert.Equal(1, throughput.PerMinute[0]);
        Assert.Equal(4, throughput.PerMinute.Sum());
    }

    [Fact]
    public void Of_ItemsBeforeTheWindow_InPercentilesButNotInBuckets()
    {
        var throughput = ItemThroughput.Of([Ended(TimeSpan.FromHours(2), 500), Ended(TimeSpan.FromMinutes(1), 100)], End);
        Assert.Equal(1, throughput.PerMinute.Sum());
        Assert.Equal((2, (long?)100, (long?)500), (throughput.Finished, throughput.P50Milliseconds, throughput.P95Milliseconds));
    }

    [Fact]
    public void Of_ItemsAfterTheWindowEnd_NotCounted()
    {
        var throughput = ItemThroughput.Of([Ended(TimeSpan.FromSeconds(-5), 900), Ended(TimeSpan.FromSeconds(5), 100)], End);
        Assert.Equal((1, 1, (long?)100), (throughput.PerMinute.Sum(), throughput.Finished, throughput.P95Milliseconds));
    }

    [Fact]
    public void Of_TwentyDurations_NearestRankPercentiles()
    {
        // Durations 1..20 s: the 10th is the median and the 19th the 95th percentile (nearest rank: ceil(p·n)).
        var throughput = ItemThroughput.Of(Enumerable.Range(1, 20).Reverse().Select(s => Ended(TimeSpan.FromSeconds(s), s * 1000L)), End);
        Assert.Equal(((long?)10_000, (long?)19_000), (throughput.P50Milliseconds, throughput.P95Milliseconds));
    }

    [Fact]
    public void Of_OffsetTimes_BucketedInUtc()
    {
        var local = End.ToOffset(TimeSpan.FromHours(5.5));
        var throughput = ItemThroughput.Of([(local.AddSeconds(-30), 1L)], local);
        Assert.Equal(1, throughput.PerMinute[^2]);
    }
}

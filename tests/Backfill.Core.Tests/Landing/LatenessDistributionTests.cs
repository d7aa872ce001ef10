using Backfill.Core.Landing;

namespace Backfill.Core.Tests.Landing;

public sealed class LatenessDistributionTests
{
    private static readonly DateTime EventTime = new(2025, 1, 3, 18, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime EndOfDay = new(2025, 1, 4, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Default_Shares_AreTheIssuesShares()
    {
        var shares = LatenessDistribution.Default.Shares;

        Assert.Equal([0.85, 0.10, 0.04, 0.01], shares.Select(share => share.Share));
        Assert.Equal(TimeSpan.FromHours(96), LatenessDistribution.Default.MaxLateness);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.999999)]
    public void ArrivalTime_OnTimeShare_ArrivesBetweenEventAndEndOfDay(double offset)
    {
        var arrival = LatenessDistribution.Default.ArrivalTime(EventTime, 0.1, offset);

        Assert.InRange(arrival, EventTime, EndOfDay);
        Assert.True(arrival < EndOfDay);
    }

    [Theory]
    [InlineData(0.86, 0, 24)]
    [InlineData(0.96, 24, 48)]
    [InlineData(0.995, 48, 96)]
    public void ArrivalTime_LateShare_IsLateWithinHalfOpenBounds(double share, int fromHours, int toHours)
    {
        foreach (var offset in new[] { 0.0, 0.5, 0.999999 })
        {
            var lateness = LatenessDistribution.Default.ArrivalTime(EventTime, share, offset) - EndOfDay;

            Assert.True(lateness >= TimeSpan.FromHours(fromHours), $"{lateness} < {fromHours}h");
            Assert.True(lateness < TimeSpan.FromHours(toHours), $"{lateness} >= {toHours}h");
        }
    }

    [Fact]
    public void Constructor_SharesNotSummingToOne_Throws()
    {
        Assert.Throws<ArgumentException>(() => new LatenessDistribution([new LatenessShare(0.5, TimeSpan.Zero, TimeSpan.Zero)]));
    }

    [Fact]
    public void Constructor_ReversedBounds_Throws()
    {
        Assert.Throws<ArgumentException>(() => new LatenessDistribution([new LatenessShare(1, TimeSpan.FromHours(2), TimeSpan.FromHours(1))]));
    }
}

using Backfill.Core.Daily;

namespace Backfill.Core.Tests.Daily;

public sealed class LandedCountsTests
{
    [Fact]
    public void NewSince_NoPreviousBuild_IsEveryBandWithEvents()
    {
        var landed = new LandedCounts(90, 6, 0, 1, 2, 1);

        Assert.Equal([("onTime", 90L), ("late0To24h", 6L), ("lateOver48h", 1L)], landed.NewSince(null));
    }

    [Fact]
    public void NewSince_APreviousBuild_IsOnlyWhatLandedAfterIt_AndTheSameCountsGiveNothing()
    {
        var before = new LandedCounts(90, 6, 3, 0, 2, 1);
        var after = new LandedCounts(90, 8, 5, 1, 9, 4);

        Assert.Equal([("late0To24h", 2L), ("late24To48h", 2L), ("lateOver48h", 1L)], after.NewSince(before));
        Assert.Empty(after.NewSince(after));
        // An overwrite pinned to an earlier time read less; it reads nothing new, never a negative count.
        Assert.Empty(before.NewSince(after));
    }
}

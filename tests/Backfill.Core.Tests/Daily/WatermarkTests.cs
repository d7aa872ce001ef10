using System.Globalization;
using Backfill.Core.Daily;
using Backfill.Core.Partitions;
using FsCheck.Xunit;

namespace Backfill.Core.Tests.Daily;

public sealed class WatermarkTests
{
    private static readonly Day Jan5 = Day.Parse("2025-01-05");

    [Theory]
    [InlineData("2025-03-09T02:00:00Z", 2, "2025-03-07")]
    [InlineData("2025-03-09T23:59:59Z", 2, "2025-03-07")]
    [InlineData("2025-03-09T00:00:00Z", 0, "2025-03-09")]
    [InlineData("2025-03-01T02:00:00Z", 2, "2025-02-27")]
    [InlineData("2025-03-09T01:00:00+05:00", 2, "2025-03-06")]
    public void At_RunTime_IsUtcDateMinusLagDays(string runTime, int lagDays, string expected)
    {
        Assert.Equal(Day.Parse(expected), Watermark.At(DateTimeOffset.Parse(runTime, CultureInfo.InvariantCulture), lagDays));
    }

    [Fact]
    public void At_NegativeLag_ThrowsArgumentOutOfRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Watermark.At(DateTimeOffset.UnixEpoch, -1));

        Assert.Equal("lagDays", error.ParamName);
    }

    [Fact]
    public void AdvanceCommitted_ContiguousDays_AdvancesToTheLast()
    {
        Assert.Equal(Jan5.AddDays(3), Watermark.AdvanceCommitted(Jan5, [Jan5.AddDays(3), Jan5.AddDays(1), Jan5.AddDays(2)]));
    }

    [Fact]
    public void AdvanceCommitted_FailedDay_StopsBeforeTheGapDespiteLaterCommits()
    {
        Assert.Equal(Jan5.AddDays(1), Watermark.AdvanceCommitted(Jan5, [Jan5.AddDays(1), Jan5.AddDays(3), Jan5.AddDays(4)]));
    }

    [Fact]
    public void AdvanceCommitted_NextDayFailed_StaysPut()
    {
        Assert.Equal(Jan5, Watermark.AdvanceCommitted(Jan5, [Jan5.AddDays(2), Jan5.AddDays(-1)]));
    }

    [Fact]
    public void AdvanceCommitted_NoWatermarkYet_StartsAtEarliestCommittedDay()
    {
        Assert.Equal(Jan5.AddDays(1), Watermark.AdvanceCommitted(null, [Jan5.AddDays(3), Jan5, Jan5.AddDays(1)]));
    }

    [Fact]
    public void AdvanceCommitted_NoWatermarkAndNothingCommitted_IsNull()
    {
        Assert.Null(Watermark.AdvanceCommitted(null, []));
    }

    [Property]
    public void AdvanceCommitted_AnyCommittedDays_EndsAtTheLastDayBeforeTheFirstGap(byte[] offsets)
    {
        var committed = offsets.Select(offset => Jan5.AddDays(1 + (offset % 20))).ToHashSet();

        var watermark = Watermark.AdvanceCommitted(Jan5, committed)!.Value;

        var advancedOver = Enumerable.Range(1, watermark.Date.DayNumber - Jan5.Date.DayNumber).Select(Jan5.AddDays);
        Assert.All(advancedOver, day => Assert.Contains(day, committed));
        Assert.DoesNotContain(watermark.AddDays(1), committed);
    }
}

using Backfill.Core.Daily;

namespace Backfill.Core.Tests.Daily;

public sealed class DailyOptionsTests
{
    [Fact]
    public void Constructor_NoSettings_UsesDefaults()
    {
        var options = new DailyOptions();

        Assert.Equal(2, options.LagDays);
        Assert.Equal(3, options.RollingDays);
        Assert.True(options.Catchup);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void Init_RollingDaysWithinZeroToSeven_IsKept(int days)
    {
        Assert.Equal(days, new DailyOptions { RollingDays = days }.RollingDays);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(8)]
    public void Init_RollingDaysOutsideZeroToSeven_ThrowsNamingSetting(int days)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DailyOptions { RollingDays = days });

        Assert.Equal("RollingDays", error.ParamName);
    }

    [Fact]
    public void Init_NegativeLagDays_ThrowsNamingSetting()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DailyOptions { LagDays = -1 });

        Assert.Equal("LagDays", error.ParamName);
    }
}

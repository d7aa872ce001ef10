using Backfill.LocalHost.Hosting;

namespace Backfill.LocalHost.Tests.Daily;

public sealed class DailyScheduleTests
{
    [Fact]
    public void Next_DefaultSchedule_IsTheNextTwoAmUtc()
    {
        var schedule = new DailySchedule(null);

        Assert.Equal("0 0 2 * * *", schedule.Expression);
        Assert.Equal(new DateTimeOffset(2025, 3, 9, 2, 0, 0, TimeSpan.Zero), schedule.Next(new DateTimeOffset(2025, 3, 9, 1, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 2, 0, 0, TimeSpan.Zero), schedule.Next(new DateTimeOffset(2025, 3, 9, 2, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Next_SixFieldExpressionWithSeconds_IsHonoured()
    {
        var schedule = new DailySchedule("30 15 6 * * *");

        Assert.Equal(new DateTimeOffset(2025, 3, 9, 6, 15, 30, TimeSpan.Zero), schedule.Next(new DateTimeOffset(2025, 3, 9, 0, 0, 0, TimeSpan.Zero)));
    }
}

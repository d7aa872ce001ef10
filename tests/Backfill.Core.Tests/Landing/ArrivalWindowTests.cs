using Backfill.Core.Landing;
using Backfill.Core.Partitions;

namespace Backfill.Core.Tests.Landing;

public sealed class ArrivalWindowTests
{
    private static readonly Day Day = Day.Parse("2025-01-03");

    [Fact]
    public void ArrivalDates_LongAfterTheDay_EndsAtMaxLateness()
    {
        var dates = ArrivalWindow.Default.ArrivalDates(Day, new DateTime(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(
            [new(2025, 1, 3), new(2025, 1, 4), new(2025, 1, 5), new(2025, 1, 6), new(2025, 1, 7), new DateOnly(2025, 1, 8)],
            dates);
    }

    [Fact]
    public void ArrivalDates_ProcessingTimeTheNextDay_EndsAtProcessingDate()
    {
        var dates = ArrivalWindow.Default.ArrivalDates(Day, new DateTime(2025, 1, 4, 2, 0, 0, DateTimeKind.Utc));

        Assert.Equal([new(2025, 1, 3), new DateOnly(2025, 1, 4)], dates);
    }

    [Fact]
    public void ArrivalDates_ProcessingBeforeTheDay_IsEmpty()
    {
        Assert.Empty(ArrivalWindow.Default.ArrivalDates(Day, new DateTime(2025, 1, 2, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(1, false)]
    public void HasArrived_HourEndAgainstProcessingTime_CountsOnlyFinishedHours(int processingHour, bool arrived)
    {
        var hour = new DateTime(2025, 1, 4, 1, 0, 0, DateTimeKind.Utc);

        Assert.Equal(arrived, ArrivalWindow.HasArrived(hour, new DateTime(2025, 1, 4, processingHour, 0, 0, DateTimeKind.Utc)));
    }
}

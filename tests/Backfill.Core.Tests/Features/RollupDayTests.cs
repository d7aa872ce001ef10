using Backfill.Core.Features;

namespace Backfill.Core.Tests.Features;

public sealed class RollupDayTests
{
    private static readonly DateOnly Date = new(2025, 3, 1);
    private static readonly PerEventType<long> One = new(1, 0, 0, 0, 0);

    [Fact]
    public void New_ColumnsInStorageOrder_RowsReadBackPerEntity()
    {
        var amounts = new PerEventType<decimal>(0, 0, 0, 2.5m, -1m);
        var day = new RollupDay(Date, ["a", "b"], [One, new PerEventType<long>(0, 0, 0, 1, 1)], [default, amounts]);

        Assert.Equal(new DailyRollup("b", Date, new PerEventType<long>(0, 0, 0, 1, 1), amounts), day[1]);
    }

    [Fact]
    public void New_EntitiesOutOfOrder_ThrowsNamingTheRow()
    {
        var error = Assert.Throws<ArgumentException>(() => new RollupDay(Date, ["b", "a"], [One, One], [default, default]));

        Assert.Contains("not ordered by entity id at row 1 (b before a)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void New_EntityTwice_ThrowsNamingTheEntity()
    {
        var error = Assert.Throws<ArgumentException>(() => new RollupDay(Date, ["a", "a"], [One, One], [default, default]));

        Assert.Contains("Entity a has two rollups for one day (2025-03-01)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void New_ColumnsOfDifferentLengths_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new RollupDay(Date, ["a", "b"], [One], [default, default]));

        Assert.Contains("2 entities, 1 counts, 2 amounts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Group_RowsOfTwoDaysInAnyOrder_OneSortedDayPerDateOldestFirst()
    {
        DailyRollup[] rows =
        [
            new("z", Date.AddDays(1), One, default),
            new("b", Date, One, default),
            new("a", Date, One, new PerEventType<decimal>(0, 0, 0, 5m, 0)),
        ];

        var days = RollupDay.Group(rows);

        Assert.Equal([Date, Date.AddDays(1)], days.Select(day => day.Date));
        Assert.Equal(["a", "b"], days[0].EntityIds);
        Assert.Equal(rows[2], days[0][0]);
        Assert.Equal([rows[2], rows[1]], days[0]);
    }

    [Fact]
    public void Of_BucketsReadTogether_OneDaySortedByEntity()
    {
        DailyRollup[] rows = [new("c", Date, One, default), new("a", Date, One, default), new("b", Date, One, default)];

        var day = RollupDay.Of(Date, rows);

        Assert.Equal(["a", "b", "c"], day.EntityIds);
        Assert.Empty(RollupDay.Of(Date, []));
    }

    [Fact]
    public void Of_RollupOfAnotherDay_ThrowsNamingBothDays()
    {
        var error = Assert.Throws<ArgumentException>(() => RollupDay.Of(Date, [new DailyRollup("a", Date.AddDays(1), One, default)]));

        Assert.Contains($"{Date.AddDays(1):yyyy-MM-dd} is not of {Date:yyyy-MM-dd}", error.Message, StringComparison.Ordinal);
    }
}

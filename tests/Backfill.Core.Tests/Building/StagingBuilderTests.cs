using Backfill.Core.Building;
using Backfill.Core.Events;
using Backfill.Core.Features;
using Backfill.Core.Partitions;

namespace Backfill.Core.Tests.Building;

public sealed class StagingBuilderTests
{
    private static readonly Day Day = Day.Parse("2025-01-03");
    private static readonly DateTime Noon = new(2025, 1, 3, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Build_DuplicateEventIds_KeepsFirstArrivalOnly()
    {
        var first = Row("ev-1", EventType.View, null, arrivalHour: 13);
        var again = first with { ArrivalTime = Noon.AddHours(5) };

        var build = StagingBuilder.Build(Day, [again, first, Row("ev-2", EventType.Click, null)]);

        Assert.Equal(["ev-1", "ev-2"], build.Events.Select(row => row.Event.EventId).Order(StringComparer.Ordinal));
        Assert.Equal(first.ArrivalTime, build.Events.Single(row => row.Event.EventId == "ev-1").ArrivalTime);
        Assert.Equal(1, build.DuplicatesDropped);
    }

    [Fact]
    public void Build_Amounts_RefundsNegativeAndNullsZero()
    {
        var build = StagingBuilder.Build(Day, [Row("r", EventType.Refund, 15m), Row("v", EventType.View, null), Row("p", EventType.Purchase, 20m)]);

        Assert.Equal(-15m, build.Events.Single(row => row.Event.EventId == "r").Event.Amount);
        Assert.Equal(0m, build.Events.Single(row => row.Event.EventId == "v").Event.Amount);
        Assert.Equal(20m, build.Events.Single(row => row.Event.EventId == "p").Event.Amount);
    }

    [Fact]
    public void Build_Rollup_SumsPerEntityAndType()
    {
        var build = StagingBuilder.Build(Day,
        [
            Row("1", EventType.Purchase, 20m), Row("2", EventType.Purchase, 5m), Row("3", EventType.Refund, 4m),
            Row("4", EventType.View, null, entity: "e0"),
        ]);

        Assert.Equal(
            [
                new DailyRollup("e0", Day.Date, new PerEventType<long>(1, 0, 0, 0, 0), default),
                new DailyRollup("e1", Day.Date, new PerEventType<long>(0, 0, 0, 2, 1), new PerEventType<decimal>(0, 0, 0, 25m, -4m)),
            ],
            build.Rollups);
    }

    [Fact]
    public void Build_RowOfAnotherDay_Throws()
    {
        var other = Row("x", EventType.View, null) with { Event = Row("x", EventType.View, null).Event with { EventTime = Noon.AddDays(1) } };

        Assert.Throws<ArgumentException>(() => StagingBuilder.Build(Day, [other]));
    }

    private static ArrivedEvent Row(string id, EventType type, decimal? amount, int arrivalHour = 12, string entity = "e1") =>
        new(new Event(id, entity, Noon, type, amount, "s"), Noon.Date.AddHours(arrivalHour));
}

using Backfill.Core.Building;
using Backfill.Core.Events;
using Backfill.Core.Landing;
using Backfill.Core.Partitions;

namespace Backfill.Core.Tests.Building;

public sealed class RawBuilderTests
{
    private static readonly Day Day = Day.Parse("2025-01-03");

    [Fact]
    public void Build_ProcessingTime_ExcludesHoursNotYetOver()
    {
        LandedLine[] lines = [Line("ev-1", Day, hoursAfterDayStart: 10), Line("ev-2", Day, hoursAfterDayStart: 30)];

        var early = RawBuilder.Build(Day, At(Day.AddDays(1), 2), lines);
        var late = RawBuilder.Build(Day, At(Day.AddDays(3), 2), lines);

        Assert.Equal(["ev-1"], early.Events.Select(row => row.Event.EventId));
        Assert.Equal(["ev-1", "ev-2"], late.Events.Select(row => row.Event.EventId));
    }

    [Fact]
    public void Build_OtherDaysEvents_AreSkipped()
    {
        var build = RawBuilder.Build(Day, At(Day.AddDays(5), 0), [Line("ev-1", Day.AddDays(-1), hoursAfterDayStart: 30)]);

        Assert.Empty(build.Events);
    }

    [Fact]
    public void Build_MalformedLines_QuarantinedByEventDateElseArrivalDate()
    {
        var arrival = At(Day, 5);
        LandedLine[] lines =
        [
            new(arrival, "a.jsonl", 1, "{not json"),
            new(arrival, "a.jsonl", 2, """{"event_id":"x","entity_id":"e","event_time":"2025-01-02T23:00:00Z","event_type":"view","amount":"1","session_id":null}"""),
            new(arrival, "a.jsonl", 3, """{"event_id":"y","entity_id":"e","event_time":"2025-01-03T01:00:00Z","event_type":"nope","amount":null,"session_id":null}"""),
        ];

        var build = RawBuilder.Build(Day, At(Day.AddDays(1), 0), lines);

        Assert.Equal([1, 3], build.Quarantined.Select(line => line.Line.LineNumber));
        Assert.Equal([QuarantineReason.MalformedJson, QuarantineReason.InvalidValue], build.Quarantined.Select(line => line.Reason));
        Assert.Empty(build.Events);
    }

    [Fact]
    public void Build_DuplicateDeliveries_AreKeptInRaw()
    {
        var line = Line("ev-1", Day, hoursAfterDayStart: 3);

        var build = RawBuilder.Build(Day, At(Day.AddDays(1), 0), [line, line with { ArrivalTime = At(Day, 4) }]);

        Assert.Equal(2, build.Events.Count);
    }

    [Fact]
    public void Build_LandedLines_CountsTheDaysArrivedLinesKeptOrQuarantined()
    {
        LandedLine[] lines =
        [
            Line("ev-1", Day, hoursAfterDayStart: 3),
            Line("ev-1", Day, hoursAfterDayStart: 4),
            Line("ev-2", Day.AddDays(-1), hoursAfterDayStart: 30),
            Line("ev-3", Day, hoursAfterDayStart: 60),
            new(At(Day, 5), "a.jsonl", 9, "{not json"),
        ];

        var build = RawBuilder.Build(Day, At(Day.AddDays(1), 0), lines);

        // Two deliveries of ev-1 and the malformed line arrived and belong to the day; ev-2 is another day's, ev-3 not yet arrived.
        Assert.Equal(3, build.LandedLines);
        Assert.Equal(build.LandedLines, build.Events.Count + build.Quarantined.Count);
    }

    internal static LandedLine Line(string id, Day eventDay, int hoursAfterDayStart, string entity = "e1")
    {
        var eventTime = At(eventDay, 1);
        var text = EventLine.Format(new Event(id, entity, eventTime, EventType.Purchase, 10m, null));
        return new LandedLine(At(eventDay, hoursAfterDayStart), "batch.jsonl", 1, text);
    }

    internal static DateTime At(Day day, int hours) => day.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(hours);
}

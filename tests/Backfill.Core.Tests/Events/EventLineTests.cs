using Backfill.Core.Events;

namespace Backfill.Core.Tests.Events;

public sealed class EventLineTests
{
    private static readonly Event Sample = new(
        "ev-1", "e000001", new DateTime(2025, 1, 3, 12, 30, 15, 250, DateTimeKind.Utc), EventType.Refund, 12.5m, "s-1");

    [Fact]
    public void Format_Event_WritesFieldsInWireOrder()
    {
        var line = EventLine.Format(Sample);

        Assert.Equal(
            """{"event_id":"ev-1","entity_id":"e000001","event_time":"2025-01-03T12:30:15.250000Z","event_type":"refund","amount":12.5,"session_id":"s-1"}""",
            line);
    }

    [Fact]
    public void Parse_FormattedEvent_RoundTrips()
    {
        var withNulls = Sample with { Amount = null, SessionId = null, EventType = EventType.AddToCart };

        Assert.Equal(Sample, EventLine.Parse(EventLine.Format(Sample)).Event);
        Assert.Equal(withNulls, EventLine.Parse(EventLine.Format(withNulls)).Event);
    }

    [Theory]
    [InlineData("""{"event_id":"ev-1","entity_id":""", QuarantineReason.MalformedJson)]
    [InlineData("[1,2]", QuarantineReason.MalformedJson)]
    [InlineData("""{"event_id":"ev-1","entity_id":"e1","event_time":"2025-01-03T00:00:00Z","amount":null,"session_id":null}""", QuarantineReason.MissingField)]
    [InlineData("""{"event_id":"ev-1","entity_id":"e1","event_time":"2025-01-03T00:00:00Z","event_type":"view","amount":"12.50","session_id":null}""", QuarantineReason.WrongType)]
    [InlineData("""{"event_id":7,"entity_id":"e1","event_time":"2025-01-03T00:00:00Z","event_type":"view","amount":null,"session_id":null}""", QuarantineReason.WrongType)]
    [InlineData("""{"event_id":"ev-1","entity_id":"e1","event_time":"2025-01-03T00:00:00Z","event_type":"like","amount":null,"session_id":null}""", QuarantineReason.InvalidValue)]
    [InlineData("""{"event_id":"ev-1","entity_id":"e1","event_time":"yesterday","event_type":"view","amount":null,"session_id":null}""", QuarantineReason.InvalidValue)]
    [InlineData("""{"event_id":"ev-1","entity_id":"e1","event_time":"2025-01-03T00:00:00Z","event_type":"purchase","amount":1.23456,"session_id":null}""", QuarantineReason.InvalidValue)]
    public void Parse_MalformedLine_ReturnsReasonWithoutEvent(string line, QuarantineReason reason)
    {
        var parsed = EventLine.Parse(line);

        Assert.Null(parsed.Event);
        Assert.Equal(reason, parsed.Reason);
        Assert.False(string.IsNullOrEmpty(parsed.Detail));
    }

    [Fact]
    public void Parse_WrongTypeWithReadableTime_KeepsEventTime()
    {
        var parsed = EventLine.Parse(
            """{"event_id":"ev-1","entity_id":"e1","event_time":"2025-01-03T05:00:00Z","event_type":"view","amount":"x","session_id":null}""");

        Assert.Equal(new DateTime(2025, 1, 3, 5, 0, 0, DateTimeKind.Utc), parsed.EventTime);
    }

    [Fact]
    public void Parse_TimeWithOffset_NormalizesToUtc()
    {
        var parsed = EventLine.Parse(
            """{"event_id":"ev-1","entity_id":"e1","event_time":"2025-01-03T01:00:00+02:00","event_type":"view","amount":null,"session_id":null}""");

        Assert.Equal(new DateTime(2025, 1, 2, 23, 0, 0, DateTimeKind.Utc), parsed.Event!.EventTime);
        Assert.Equal(DateTimeKind.Utc, parsed.Event.EventTime.Kind);
        Assert.Equal(new DateOnly(2025, 1, 2), parsed.Event.EventDate);
    }

    [Theory]
    [InlineData(EventType.View, "view")]
    [InlineData(EventType.AddToCart, "add_to_cart")]
    [InlineData(EventType.Refund, "refund")]
    public void TryParse_WireName_RoundTripsWithToName(EventType type, string name)
    {
        Assert.Equal(name, EventTypeNames.ToName(type));
        Assert.True(EventTypeNames.TryParse(name, out var parsed));
        Assert.Equal(type, parsed);
    }

    [Fact]
    public void ToCanonicalText_Set_ListsNamesInCodeOrder()
    {
        Assert.Equal("{purchase,refund}", (EventTypes.Refund | EventTypes.Purchase).ToCanonicalText());
        Assert.Equal("{view,click,add_to_cart,purchase,refund}", EventTypes.All.ToCanonicalText());
    }
}

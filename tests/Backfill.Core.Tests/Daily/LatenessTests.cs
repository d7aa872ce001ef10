using System.Globalization;
using Backfill.Core.Daily;

namespace Backfill.Core.Tests.Daily;

public sealed class LatenessTests
{
    [Theory]
    [InlineData("2025-01-10T23:00:00Z", "2025-01-10T23:30:00Z", -30)]
    [InlineData("2025-01-10T00:00:00Z", "2025-01-11T00:00:00Z", 0)]
    [InlineData("2025-01-10T12:00:00Z", "2025-01-12T06:00:00Z", 30 * 60)]
    [InlineData("2025-01-11T01:00:00+02:00", "2025-01-11T00:30:00Z", 30)]
    public void Of_EventAndArrival_IsArrivalMinusEndOfUtcEventDay(string eventTime, string arrivalTime, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), Lateness.Of(Time(eventTime), Time(arrivalTime)));
    }

    [Theory]
    [InlineData("2025-01-10T00:00:01Z", LatenessBand.OnTime)]
    [InlineData("2025-01-10T23:59:59Z", LatenessBand.OnTime)]
    [InlineData("2025-01-09T12:00:00Z", LatenessBand.OnTime)]
    [InlineData("2025-01-11T00:00:00Z", LatenessBand.Late0To24Hours)]
    [InlineData("2025-01-11T23:59:59Z", LatenessBand.Late0To24Hours)]
    [InlineData("2025-01-12T00:00:00Z", LatenessBand.Late24To48Hours)]
    [InlineData("2025-01-12T23:59:59Z", LatenessBand.Late24To48Hours)]
    [InlineData("2025-01-13T00:00:00Z", LatenessBand.LateOver48Hours)]
    [InlineData("2025-02-10T00:00:00Z", LatenessBand.LateOver48Hours)]
    public void BandOf_ArrivalOfEventOnJan10_FollowsArrivalDate(string arrivalTime, LatenessBand band)
    {
        Assert.Equal(band, Lateness.BandOf(Time("2025-01-10T00:00:00Z"), Time(arrivalTime)));
    }

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}

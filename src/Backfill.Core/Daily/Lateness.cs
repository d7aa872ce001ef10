namespace Backfill.Core.Daily;

/// <summary>Measures late events for the late-data metrics. Event days are UTC days, as partitions are.</summary>
public static class Lateness
{
    /// <summary>Returns the lateness of an event: its arrival time minus the end of its event day.</summary>
    /// <param name="eventTime">When the event happened.</param>
    /// <param name="arrivalTime">When it landed.</param>
    /// <returns>Negative when it landed on its event day (or, with skewed clocks, before it).</returns>
    public static TimeSpan Of(DateTimeOffset eventTime, DateTimeOffset arrivalTime)
    {
        var endOfEventDay = new DateTimeOffset(eventTime.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        return arrivalTime - endOfEventDay;
    }

    /// <summary>Returns the lateness band of an event.</summary>
    /// <param name="eventTime">When the event happened.</param>
    /// <param name="arrivalTime">When it landed.</param>
    /// <returns>The band its <see cref="Of"/> falls in.</returns>
    public static LatenessBand BandOf(DateTimeOffset eventTime, DateTimeOffset arrivalTime) =>
        Of(eventTime, arrivalTime) switch
        {
            var late when late < TimeSpan.Zero => LatenessBand.OnTime,
            var late when late < TimeSpan.FromHours(24) => LatenessBand.Late0To24Hours,
            var late when late < TimeSpan.FromHours(48) => LatenessBand.Late24To48Hours,
            _ => LatenessBand.LateOver48Hours,
        };
}

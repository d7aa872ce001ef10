using Backfill.Core.Partitions;

namespace Backfill.Core.Landing;

/// <summary>
/// Which landing hours raw(D) reads. An hour folder counts as arrived once the hour is over, so "what did we know
/// at processing time P" is reproducible: the hours that ended by P.
/// </summary>
/// <param name="MaxLateness">The bound lateness stays below; later arrivals are not read for its day.</param>
public sealed record ArrivalWindow(TimeSpan MaxLateness)
{
    /// <summary>Gets the window for the default lateness distribution (96 h).</summary>
    public static ArrivalWindow Default { get; } = new(LatenessDistribution.Default.MaxLateness);

    /// <summary>Returns whether a landing hour had fully arrived by the processing time.</summary>
    /// <param name="arrivalHour">The start of the landing hour.</param>
    /// <param name="processingTime">The time the build pretends it runs at.</param>
    /// <returns><see langword="true"/> when the hour ended at or before <paramref name="processingTime"/>.</returns>
    public static bool HasArrived(DateTime arrivalHour, DateTime processingTime) =>
        arrivalHour.AddHours(1) <= processingTime;

    /// <summary>Returns the arrival dates whose landing folders can hold events of <paramref name="day"/>.</summary>
    /// <param name="day">The event day.</param>
    /// <param name="processingTime">The time the build pretends it runs at; later arrival dates are skipped.</param>
    /// <returns>The arrival dates, ascending; empty when processing happens before the day starts.</returns>
    public IReadOnlyList<DateOnly> ArrivalDates(Day day, DateTime processingTime)
    {
        var endOfDay = day.Date.ToDateTime(TimeOnly.MinValue).AddDays(1);
        // The arrival date holding the lateness bound is read whole: a redelivery just past the bound still counts.
        var last = DateOnly.FromDateTime(Min(endOfDay + MaxLateness, processingTime));
        var dates = new List<DateOnly>();
        for (var date = day.Date; date <= last; date = date.AddDays(1))
        {
            dates.Add(date);
        }

        return dates;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}

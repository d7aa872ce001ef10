using Backfill.Core.Partitions;

namespace Backfill.Core.Reports;

/// <summary>The context range of a repair report: the days whose untouched partitions it proves unchanged.</summary>
/// <param name="From">The first day.</param>
/// <param name="To">The last day (inclusive).</param>
public sealed record ReportRange(Day From, Day To)
{
    /// <summary>The most days a context range may span, so one report reads a bounded number of manifests.</summary>
    public const int MaxDays = 366;

    /// <summary>Gets how many days the range spans.</summary>
    public int Days => To.Date.DayNumber - From.Date.DayNumber + 1;

    /// <summary>
    /// The default context of a backfill over <paramref name="first"/>..<paramref name="last"/>: the whole calendar
    /// month(s) containing them, so a repair of a few days is shown against the rest of its month. When that spans more
    /// than <see cref="MaxDays"/>, the last <see cref="MaxDays"/> days of it.
    /// </summary>
    /// <param name="first">The backfill's first day.</param>
    /// <param name="last">The backfill's last day.</param>
    /// <returns>The range.</returns>
    public static ReportRange Default(Day first, Day last)
    {
        var from = new DateOnly(first.Date.Year, first.Date.Month, 1);
        var to = new DateOnly(last.Date.Year, last.Date.Month, 1).AddMonths(1).AddDays(-1);
        var earliest = to.AddDays(1 - MaxDays);
        return new ReportRange(new Day(from < earliest ? earliest : from), new Day(to));
    }

    /// <summary>A requested range, checked: null and the reason when <paramref name="to"/> is before <paramref name="from"/> or too far from it.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <returns>The range, or null and why not.</returns>
    public static (ReportRange? Range, string? Error) Requested(Day from, Day to)
    {
        var range = new ReportRange(from, to);
        return to < from || range.Days > MaxDays
            ? (null, $"to must be on or after from, spanning at most {MaxDays} days; got {from}..{to}.")
            : (range, null);
    }

    /// <summary>The days of the range, ascending.</summary>
    /// <returns>Every day from <see cref="From"/> to <see cref="To"/>.</returns>
    public IEnumerable<Day> EachDay() => Enumerable.Range(0, Days).Select(From.AddDays);
}

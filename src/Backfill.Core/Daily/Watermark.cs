using Backfill.Core.Partitions;

namespace Backfill.Core.Daily;

/// <summary>
/// The watermark arithmetic of the daily run. The watermark is the newest day a run processes; the
/// committed watermark is the newest day up to which every day is committed, kept durably between runs.
/// </summary>
public static class Watermark
{
    /// <summary>Returns the watermark of a run at <paramref name="runTime"/>: its UTC date minus <paramref name="lagDays"/>.</summary>
    /// <param name="runTime">When the run is scheduled (an input, never the clock, so orchestrations stay deterministic and tests choose the time).</param>
    /// <param name="lagDays">How many days the watermark trails the run date; not negative.</param>
    /// <returns>The newest day the run processes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lagDays"/> is negative.</exception>
    public static Day At(DateTimeOffset runTime, int lagDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lagDays);
        return new Day(DateOnly.FromDateTime(runTime.UtcDateTime)).AddDays(-lagDays);
    }

    /// <summary>
    /// Advances the committed watermark over contiguous committed days only: a day that is not committed (it
    /// failed or never ran) stops it, stays a visible gap, and is retried by the next run's catchup even if
    /// later days committed.
    /// </summary>
    /// <param name="committedWatermark">
    /// The committed watermark so far; <see langword="null"/> before the first commit, when the contiguous
    /// run starts at the earliest committed day.
    /// </param>
    /// <param name="committedDays">The days committed since, in any order; earlier days are ignored.</param>
    /// <returns>The newest day D such that every day after the old watermark up to D is committed.</returns>
    public static Day? AdvanceCommitted(Day? committedWatermark, IEnumerable<Day> committedDays)
    {
        ArgumentNullException.ThrowIfNull(committedDays);
        var committed = committedDays.ToHashSet();
        var watermark = committedWatermark ?? (committed.Count == 0 ? null : committed.Min());
        while (watermark is { } day && day.Date < DateOnly.MaxValue && committed.Contains(day.AddDays(1)))
        {
            watermark = day.AddDays(1);
        }

        return watermark;
    }
}

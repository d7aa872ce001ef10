using Backfill.Core.Landing;
using Backfill.Core.Partitions;

namespace Backfill.Core.Daily;

/// <summary>Which days a daily run scans for beyond-watermark late data.</summary>
public static class BeyondWindow
{
    /// <summary>
    /// Returns the closed days a run at watermark <paramref name="watermark"/> scans: days before its rolling
    /// reprocess (so their last reprocess is over) whose landing can still receive events under
    /// <paramref name="window"/>. Older days cannot get events raw would read, so scanning them finds nothing.
    /// </summary>
    /// <param name="watermark">The run's watermark day D.</param>
    /// <param name="rollingDays">The run's rolling days.</param>
    /// <param name="window">How late events may land and still be read.</param>
    /// <returns>The days, oldest first.</returns>
    public static IReadOnlyList<Day> DaysToScan(Day watermark, int rollingDays, ArrivalWindow window)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rollingDays);
        ArgumentNullException.ThrowIfNull(window);
        var newestClosed = watermark.AddDays(-rollingDays - 1);
        var lookback = (int)Math.Ceiling(window.MaxLateness.TotalDays) + 1;
        return [.. Enumerable.Range(0, lookback).Select(offset => newestClosed.AddDays(-offset)).Order()];
    }
}

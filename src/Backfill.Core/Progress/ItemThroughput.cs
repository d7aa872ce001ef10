namespace Backfill.Core.Progress;

/// <summary>
/// How fast a run's work items finish: items finished per minute over a bounded window, and the p50 and p95 of their
/// durations. Built from each item's latest attempt, which is all the item table keeps.
/// </summary>
/// <param name="WindowEnd">The end of the window: now for a running run, its last finish for an ended one.</param>
/// <param name="PerMinute">
/// Items finished in each of the <see cref="WindowMinutes"/> whole minutes up to and including the minute of
/// <paramref name="WindowEnd"/>, oldest first.
/// </param>
/// <param name="Finished">Items whose latest attempt ended, in or before the window: the sample of the percentiles.</param>
/// <param name="P50Milliseconds">Median duration of those attempts (nearest rank); null when none ended.</param>
/// <param name="P95Milliseconds">95th percentile of those durations (nearest rank); null when none ended.</param>
public sealed record ItemThroughput(DateTimeOffset WindowEnd, IReadOnlyList<int> PerMinute, int Finished, long? P50Milliseconds, long? P95Milliseconds)
{
    /// <summary>Minutes the per-minute series covers: the view stays the same size however long the run is.</summary>
    public const int WindowMinutes = 60;

    /// <summary>The figures of the finished attempts <paramref name="finished"/>, the window ending at <paramref name="windowEnd"/>.</summary>
    /// <param name="finished">When each item's latest attempt ended and how long it ran.</param>
    /// <param name="windowEnd">The end of the per-minute window.</param>
    public static ItemThroughput Of(IEnumerable<(DateTimeOffset FinishedAt, long DurationMilliseconds)> finished, DateTimeOffset windowEnd)
    {
        ArgumentNullException.ThrowIfNull(finished);
        var lastMinute = new DateTimeOffset(windowEnd.UtcTicks - (windowEnd.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var firstMinute = lastMinute.AddMinutes(1 - WindowMinutes);
        var perMinute = new int[WindowMinutes];
        var durations = new List<long>();
        foreach (var (finishedAt, duration) in finished)
        {
            if (finishedAt > windowEnd)
            {
                continue; // Ended after the window (a clock ahead of this one): not counted anywhere, so the figures agree.
            }

            durations.Add(duration);
            var minute = (finishedAt.UtcTicks - firstMinute.UtcTicks) / TimeSpan.TicksPerMinute;
            if (minute >= 0)
            {
                perMinute[minute]++;
            }
        }

        durations.Sort();
        return new ItemThroughput(windowEnd, perMinute, durations.Count, NearestRank(durations, 50), NearestRank(durations, 95));
    }

    private static long? NearestRank(List<long> sorted, int percent) =>
        sorted.Count == 0 ? null : sorted[(int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1];
}

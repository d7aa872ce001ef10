namespace Backfill.Core.Scheduling;

/// <summary>Measures of a set of time intervals, for checking what ran concurrently.</summary>
public static class Intervals
{
    /// <summary>The most intervals that overlap at any instant. An interval ending exactly when another starts does not overlap it.</summary>
    public static int MaxOverlap(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);

        // Sweep over start (+1) and end (-1) instants; ends sort first at equal instants.
        var edges = intervals.SelectMany(i => new[] { (At: i.Start, Delta: 1), (At: i.End, Delta: -1) })
            .OrderBy(e => e.At).ThenBy(e => e.Delta);
        int running = 0, max = 0;
        foreach (var edge in edges)
        {
            running += edge.Delta;
            max = Math.Max(max, running);
        }

        return max;
    }
}

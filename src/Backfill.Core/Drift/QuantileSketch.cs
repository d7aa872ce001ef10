namespace Backfill.Core.Drift;

/// <summary>
/// A fixed-size stand-in for a numeric column's values: its evenly spaced quantiles p0, p1, …, p100. Stored with
/// every commit's profile so a later partition's drift check can bin any reference (one partition or several
/// pooled) with any edges, without reading data files. Each point stands for an equal share of the values.
/// </summary>
public static class QuantileSketch
{
    /// <summary>The default number of points: every percentile, both ends included.</summary>
    public const int DefaultPoints = 101;

    /// <summary>Returns the quantiles at i/(points−1) for i = 0 … points−1.</summary>
    /// <param name="values">The non-null values; at least one, all finite.</param>
    /// <param name="points">How many quantiles to keep; at least 2.</param>
    /// <returns>The quantiles, ascending (equal values repeat).</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds NaN or an infinity.</exception>
    public static IReadOnlyList<double> Of(IEnumerable<double> values, int points = DefaultPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);
        var sample = SortedSample.Of(values, nameof(values));
        return [.. Enumerable.Range(0, points).Select(i => sample.Quantile((double)i / (points - 1)))];
    }
}

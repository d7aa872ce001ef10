namespace Backfill.Core.Drift;

/// <summary>
/// The shape of one numeric column of a partition: count, mean, population standard deviation and the
/// p5, p25, p50, p75 and p95 quantiles (linear interpolation between closest ranks, as numpy's default).
/// </summary>
/// <param name="Count">How many non-null values were summarised; at least 1.</param>
/// <param name="Mean">The arithmetic mean.</param>
/// <param name="StandardDeviation">
/// The population standard deviation (divides by <paramref name="Count"/>): a partition is the whole population
/// being compared, not a sample of it.
/// </param>
/// <param name="P5">The 5th percentile.</param>
/// <param name="P25">The 25th percentile.</param>
/// <param name="P50">The median.</param>
/// <param name="P75">The 75th percentile.</param>
/// <param name="P95">The 95th percentile.</param>
public sealed record SummaryStatistics(
    long Count, double Mean, double StandardDeviation, double P5, double P25, double P50, double P75, double P95)
{
    /// <summary>Summarises <paramref name="values"/>: one sort for the quantiles, one pass for mean and std.</summary>
    /// <param name="values">The non-null values of the column; at least one, all finite.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds NaN or an infinity.</exception>
    public static SummaryStatistics Of(IEnumerable<double> values)
    {
        var sample = SortedSample.Of(values, nameof(values));
        var (mean, standardDeviation) = sample.Moments();
        return new SummaryStatistics(
            sample.Count,
            mean,
            standardDeviation,
            sample.Quantile(0.05),
            sample.Quantile(0.25),
            sample.Quantile(0.50),
            sample.Quantile(0.75),
            sample.Quantile(0.95));
    }
}

namespace Backfill.Core.Drift;

/// <summary>
/// What drift validation needs of one numeric column of one partition: its summary and its histogram, both
/// cheap to store with the commit so a later comparison reads no data files.
/// </summary>
/// <param name="Summary">Count, mean, std and quantiles of the non-null values.</param>
/// <param name="Histogram">The values counted into bins; comparable to another profile's with the same edges.</param>
public sealed record NumericProfile(SummaryStatistics Summary, Histogram Histogram)
{
    /// <summary>
    /// Profiles a reference distribution: its histogram is binned at its own quantiles, and those edges are
    /// the ones candidates are then counted with (<see cref="Against"/>).
    /// </summary>
    /// <param name="values">The reference's non-null values; at least one, all finite.</param>
    /// <param name="binCount">The number of quantile bins; at least 2.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds NaN or an infinity.</exception>
    public static NumericProfile OfReference(IReadOnlyCollection<double> values, int binCount = BinEdges.DefaultBinCount) =>
        Against(values, BinEdges.FromQuantiles(values, binCount));

    /// <summary>Profiles a candidate distribution with a reference's bin edges, so the two compare bin by bin.</summary>
    /// <param name="values">The candidate's non-null values; at least one, all finite.</param>
    /// <param name="edges">The reference's edges, <see cref="Histogram.Edges"/> of its profile.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds NaN or an infinity.</exception>
    public static NumericProfile Against(IReadOnlyCollection<double> values, IReadOnlyList<double> edges) =>
        new(SummaryStatistics.Of(values), Histogram.Create(values, edges));
}

namespace Backfill.Core.Drift;

/// <summary>
/// What drift validation needs of one numeric column of one partition: its summary and its histogram, both
/// cheap to store with the commit so a later comparison reads no data files.
/// </summary>
/// <param name="Summary">Count, mean, std and quantiles of the non-null values.</param>
/// <param name="Histogram">The values counted into bins; comparable to another profile's with the same edges.</param>
/// <param name="Sketch">
/// The values' <see cref="QuantileSketch"/>, so the column can be re-binned against any reference; <see langword="null"/>
/// for a profile built from a histogram alone.
/// </param>
public sealed record NumericProfile(SummaryStatistics Summary, Histogram Histogram, IReadOnlyList<double>? Sketch = null)
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
        new(SummaryStatistics.Of(values), Histogram.Create(values, edges), QuantileSketch.Of(values));

    /// <summary>
    /// Pools several profiles of the same column (e.g. the trailing committed partitions) into one reference:
    /// the histogram is binned at the quantiles of their pooled sketches, each partition weighing equally as in
    /// the row count median; count, mean and std are the exact pooled figures, the quantiles the pooled sketch's.
    /// </summary>
    /// <param name="profiles">At least one profile, each with a <see cref="Sketch"/>.</param>
    /// <param name="binCount">The number of quantile bins; at least 2.</param>
    /// <returns>The pooled reference, with a sketch of the pooled points.</returns>
    /// <exception cref="ArgumentException">There is no profile, or one has no sketch.</exception>
    public static NumericProfile Pool(IReadOnlyCollection<NumericProfile> profiles, int binCount = BinEdges.DefaultBinCount)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        if (profiles.Count == 0)
        {
            throw new ArgumentException("At least one profile is needed.", nameof(profiles));
        }

        var points = profiles.SelectMany(profile => profile.Sketch
            ?? throw new ArgumentException("Every pooled profile needs a sketch.", nameof(profiles))).ToArray();
        var pooled = SortedSample.Of(points, nameof(profiles));
        var count = profiles.Sum(profile => profile.Summary.Count);
        var mean = profiles.Sum(profile => profile.Summary.Count * profile.Summary.Mean) / count;

        // Total variance = mean within-partition variance + variance of the partition means, count-weighted.
        var variance = profiles.Sum(profile => profile.Summary.Count
            * (Math.Pow(profile.Summary.StandardDeviation, 2) + Math.Pow(profile.Summary.Mean - mean, 2))) / count;
        var summary = new SummaryStatistics(
            count, mean, Math.Sqrt(variance),
            pooled.Quantile(0.05), pooled.Quantile(0.25), pooled.Quantile(0.50), pooled.Quantile(0.75), pooled.Quantile(0.95));
        var edges = BinEdges.FromQuantiles(points, binCount);
        return new NumericProfile(summary, Histogram.Create(points, edges), QuantileSketch.Of(points));
    }

    /// <summary>Counts this profile's sketch into <paramref name="edges"/>, so it compares bin by bin with a reference.</summary>
    /// <param name="edges">The reference's edges.</param>
    /// <returns>The same summary and sketch, with a histogram at <paramref name="edges"/>.</returns>
    /// <exception cref="InvalidOperationException">The profile has no sketch.</exception>
    public NumericProfile Rebin(IReadOnlyList<double> edges) =>
        this with
        {
            Histogram = Histogram.Create(
                Sketch ?? throw new InvalidOperationException("A profile without a sketch cannot be re-binned."), edges),
        };
}

namespace Backfill.Core.Drift;

/// <summary>Chooses the bins that distributions are compared in.</summary>
public static class BinEdges
{
    /// <summary>The default number of bins: deciles, the usual choice for PSI.</summary>
    public const int DefaultBinCount = 10;

    /// <summary>
    /// Returns the edges that split <paramref name="reference"/> into <paramref name="binCount"/> bins of
    /// equal share: its quantiles 1/k … (k−1)/k. Equal quantiles (a point mass) collapse into one edge, so a
    /// column with few distinct values gets fewer, never empty-by-construction, bins.
    /// </summary>
    /// <param name="reference">The reference distribution's non-null values; at least one, all finite.</param>
    /// <param name="binCount">k, the number of bins wanted; at least 2.</param>
    /// <returns>At most k−1 strictly ascending edges, for <see cref="Histogram.Create"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="reference"/> is empty or holds NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="binCount"/> is less than 2.</exception>
    public static IReadOnlyList<double> FromQuantiles(IEnumerable<double> reference, int binCount = DefaultBinCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 2);
        var sample = SortedSample.Of(reference, nameof(reference));
        return [.. Enumerable.Range(1, binCount - 1).Select(i => sample.Quantile((double)i / binCount)).Distinct()];
    }
}

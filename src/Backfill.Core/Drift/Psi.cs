namespace Backfill.Core.Drift;

/// <summary>
/// The Population Stability Index: Σ (aᵢ − rᵢ) · ln(aᵢ / rᵢ) over bins, where rᵢ and aᵢ are the shares of the
/// reference and the actual distribution in bin i. Each term is ≥ 0 (both factors share a sign), so PSI is ≥ 0
/// and 0 only for identical shares. Rule of thumb: below 0.1 stable, 0.1–0.25 moderate, above 0.25 shifted.
/// </summary>
public static class Psi
{
    /// <summary>
    /// The share used in place of 0 for an empty bin, where ln(a/r) would be infinite. At 1e-4 a bin holding
    /// 10% on one side and nothing on the other contributes about 0.69 — a shift never hides — while the
    /// value stays finite and comparable across partitions.
    /// </summary>
    public const double Epsilon = 1e-4;

    /// <summary>Computes the PSI of <paramref name="actual"/> against <paramref name="reference"/>.</summary>
    /// <param name="reference">The distribution compared against; at least one value counted.</param>
    /// <param name="actual">The distribution being validated, counted with the same edges; at least one value.</param>
    /// <returns>The PSI, ≥ 0.</returns>
    /// <exception cref="ArgumentException">The histograms have different edges, or one of them is empty.</exception>
    public static double Compute(Histogram reference, Histogram actual)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(actual);
        if (!reference.HasSameBins(actual))
        {
            throw new ArgumentException("PSI compares histograms counted with the same edges.", nameof(actual));
        }

        if (reference.Total == 0)
        {
            throw new ArgumentException("The reference histogram counts no values.", nameof(reference));
        }

        if (actual.Total == 0)
        {
            throw new ArgumentException("The actual histogram counts no values.", nameof(actual));
        }

        var psi = 0.0;
        for (var bin = 0; bin < reference.Counts.Count; bin++)
        {
            var r = Share(reference.Counts[bin], reference.Total);
            var a = Share(actual.Counts[bin], actual.Total);
            psi += (a - r) * Math.Log(a / r);
        }

        return psi;
    }

    /// <summary>
    /// Computes the PSI of <paramref name="actual"/> against <paramref name="reference"/>, binned at the
    /// reference's quantiles (<see cref="BinEdges.FromQuantiles"/>).
    /// </summary>
    /// <param name="reference">The reference values; at least one, all finite.</param>
    /// <param name="actual">The actual values; at least one, all finite.</param>
    /// <param name="binCount">The number of quantile bins; at least 2.</param>
    /// <returns>The PSI, ≥ 0.</returns>
    /// <exception cref="ArgumentException">Either side is empty or holds NaN or an infinity.</exception>
    public static double Compute(
        IReadOnlyCollection<double> reference, IReadOnlyCollection<double> actual, int binCount = BinEdges.DefaultBinCount)
    {
        var edges = BinEdges.FromQuantiles(reference, binCount);
        return Compute(Histogram.Create(reference, edges), Histogram.Create(actual, edges));
    }

    private static double Share(long count, long total) => count == 0 ? Epsilon : (double)count / total;
}

namespace Backfill.Core.Drift;

/// <summary>
/// The chi-square test of homogeneity of two binned samples: could the reference's and the candidate's bin shares
/// come from one distribution, given how many values each side holds? Its statistic is
/// (n·m/(n+m)) · Σ (aᵢ − rᵢ)² / pᵢ over the bins either side uses, where pᵢ is the pooled share, and it follows
/// χ²(bins − 1) when both sides are samples of one distribution. PSI is the same sum with a log in place of the
/// square, which is why, under that null, PSI ≈ χ²(bins − 1) · (1/n + 1/m): at 300 values a side PSI alone
/// crosses 0.25 by chance, at 30,000 it practically never does.
/// </summary>
public static class HomogeneityTest
{
    /// <summary>Tests <paramref name="candidate"/>'s shares against <paramref name="reference"/>'s.</summary>
    /// <param name="reference">The reference histogram; its shares stand for <paramref name="referenceCount"/> values.</param>
    /// <param name="candidate">The candidate histogram, with the same edges; its shares stand for <paramref name="candidateCount"/> values.</param>
    /// <param name="referenceCount">How many values the reference's shares were measured on (e.g. the pooled partitions' counts); at least 1.</param>
    /// <param name="candidateCount">How many values the candidate's shares were measured on; at least 1.</param>
    /// <returns>The statistic, its degrees of freedom and the p-value (1 when fewer than two bins hold values).</returns>
    /// <exception cref="ArgumentException">The histograms have different edges, or one of them is empty.</exception>
    public static HomogeneityResult Test(Histogram reference, Histogram candidate, long referenceCount, long candidateCount)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentOutOfRangeException.ThrowIfLessThan(referenceCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(candidateCount, 1);
        if (!reference.HasSameBins(candidate))
        {
            throw new ArgumentException("The test compares histograms counted with the same edges.", nameof(candidate));
        }

        if (reference.Total == 0 || candidate.Total == 0)
        {
            throw new ArgumentException("Both histograms must count at least one value.", reference.Total == 0 ? nameof(reference) : nameof(candidate));
        }

        double n = candidateCount;
        double m = referenceCount;
        var sum = 0.0;
        var used = 0;
        for (var bin = 0; bin < reference.Counts.Count; bin++)
        {
            var r = (double)reference.Counts[bin] / reference.Total;
            var a = (double)candidate.Counts[bin] / candidate.Total;
            var pooled = ((n * a) + (m * r)) / (n + m);
            if (pooled > 0)
            {
                sum += (a - r) * (a - r) / pooled;
                used++;
            }
        }

        if (used < 2)
        {
            return new HomogeneityResult(0, 0, 1);
        }

        var statistic = n * m / (n + m) * sum;
        return new HomogeneityResult(statistic, used - 1, ChiSquare.UpperTail(statistic, used - 1));
    }
}

namespace Backfill.Core.Drift;

/// <summary>
/// A fixed-bin sketch of a numeric column: counts of values per bin. <see cref="Edges"/> are k−1 ascending cut
/// points of k bins: bin 0 is (−∞, e₀], bin i is (eᵢ₋₁, eᵢ], bin k−1 is (eₖ₋₂, +∞). The outer bins are open
/// so values beyond the reference's range are still counted — that is where a shifted distribution lands.
/// Bins are closed on the right because a quantile edge q is the smallest value with at least that share of
/// the reference at or below it, so a point mass (e.g. many zeros) stays in the bin its quantile names.
/// </summary>
/// <remarks>
/// Two histograms compare bin by bin only when they share edges: build the reference's edges once with
/// <see cref="BinEdges.FromQuantiles"/> and count both distributions with them.
/// </remarks>
public sealed record Histogram
{
    /// <summary>Creates a histogram from stored edges and counts, e.g. read back from a partition's profile.</summary>
    /// <param name="edges">The strictly ascending, finite cut points; may be empty (one bin holding everything).</param>
    /// <param name="counts">The count of each bin: one more than there are edges, none negative.</param>
    /// <exception cref="ArgumentException">
    /// The edges are not strictly ascending finite numbers, or the counts do not match them.
    /// </exception>
    public Histogram(IReadOnlyList<double> edges, IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(counts);
        Edges = CheckedEdges(edges, nameof(edges));
        if (counts.Count != Edges.Count + 1)
        {
            throw new ArgumentException(
                $"{Edges.Count} edges make {Edges.Count + 1} bins, but {counts.Count} counts were given.", nameof(counts));
        }

        if (counts.Any(count => count < 0))
        {
            throw new ArgumentException("Bin counts cannot be negative.", nameof(counts));
        }

        Counts = [.. counts];
        Total = Counts.Sum();
    }

    /// <summary>Gets the k−1 strictly ascending cut points between the k bins.</summary>
    public IReadOnlyList<double> Edges { get; }

    /// <summary>Gets how many values fell in each bin, lowest bin first.</summary>
    public IReadOnlyList<long> Counts { get; }

    /// <summary>Gets the number of values counted.</summary>
    public long Total { get; }

    /// <summary>Counts <paramref name="values"/> into the bins that <paramref name="edges"/> define.</summary>
    /// <param name="values">The non-null values of the column, all finite.</param>
    /// <param name="edges">The strictly ascending cut points, usually the reference's <see cref="BinEdges.FromQuantiles"/>.</param>
    /// <returns>The histogram.</returns>
    /// <exception cref="ArgumentException">A value is NaN or infinite, or the edges are not strictly ascending.</exception>
    public static Histogram Create(IEnumerable<double> values, IReadOnlyList<double> edges)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(edges);
        var cuts = CheckedEdges(edges, nameof(edges));
        var counts = new long[cuts.Length + 1];
        foreach (var value in values)
        {
            // BinarySearch returns an exact edge's index, or the complement of the first larger edge's index:
            // either way the number of edges strictly below the value, which is its bin.
            var index = Array.BinarySearch(cuts, FiniteValue.Require(value, nameof(values)));
            counts[index >= 0 ? index : ~index]++;
        }

        return new Histogram(cuts, counts);
    }

    /// <summary>Whether <paramref name="other"/> has exactly the same edges, so the two compare bin by bin.</summary>
    /// <param name="other">The histogram to compare with.</param>
    /// <returns><see langword="true"/> when the edges are equal.</returns>
    public bool HasSameBins(Histogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Edges.SequenceEqual(other.Edges);
    }

    private static double[] CheckedEdges(IReadOnlyList<double> edges, string paramName)
    {
        var copy = edges.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            FiniteValue.Require(copy[i], paramName);
            if (i > 0 && copy[i] <= copy[i - 1])
            {
                throw new ArgumentException("Bin edges must be strictly ascending.", paramName);
            }
        }

        return copy;
    }
}

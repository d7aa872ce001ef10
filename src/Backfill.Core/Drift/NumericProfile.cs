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
/// <param name="Values">
/// The values themselves, ascending, when there are at most <see cref="MaxExactValues"/> of them (kept while parts are
/// merged, not stored with a commit's profile); otherwise <see langword="null"/>.
/// </param>
public sealed record NumericProfile(
    SummaryStatistics Summary, Histogram Histogram, IReadOnlyList<double>? Sketch = null, IReadOnlyList<double>? Values = null)
{
    /// <summary>
    /// The most values a profile keeps verbatim (<see cref="Values"/>): parts that small merge exactly, so a day split
    /// into buckets is judged on the same figures as the whole day, not on an approximation of them.
    /// </summary>
    public const int MaxExactValues = 1024;

    /// <summary>
    /// Profiles a reference distribution: its histogram is binned at its own quantiles, and those edges are
    /// the ones candidates are then counted with (<see cref="Against"/>).
    /// </summary>
    /// <param name="values">The reference's non-null values; at least one, all finite.</param>
    /// <param name="binCount">The number of quantile bins; at least 2.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds NaN or an infinity.</exception>
    public static NumericProfile OfReference(IReadOnlyCollection<double> values, int binCount = BinEdges.DefaultBinCount) =>
        Against(values, BinEdges.FromQuantiles(values, binCount)) with
        {
            Values = values.Count <= MaxExactValues ? [.. values.Order()] : null,
        };

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
        var (count, mean, standardDeviation) = PooledMoments(profiles);
        var summary = new SummaryStatistics(
            count, mean, standardDeviation,
            pooled.Quantile(0.05), pooled.Quantile(0.25), pooled.Quantile(0.50), pooled.Quantile(0.75), pooled.Quantile(0.95));
        var edges = BinEdges.FromQuantiles(points, binCount);
        return new NumericProfile(summary, Histogram.Create(points, edges), QuantileSketch.Of(points));
    }

    /// <summary>
    /// Merges the profiles of disjoint parts of one column of one partition (its entity buckets) into the profile
    /// of the whole column. Unlike <see cref="Pool"/>, which weighs partitions equally, each part weighs by its
    /// count. Count, mean and std are exact. The quantiles, sketch and histogram come from the mixture of the
    /// parts' sketches, each part's CDF piecewise-linear between its points: within 1/(points−1) + parts/count
    /// of the whole column's CDF (see the remarks of <c>SketchMixture</c>), so close to, not equal to, the
    /// profile of the column's values. The histogram is binned at the mixture's quantiles, as
    /// <see cref="OfReference"/> bins at the values' own, and its counts add up to the exact count.
    /// </summary>
    /// <param name="parts">At least one profile; with more than one, each has a <see cref="Sketch"/>.</param>
    /// <param name="binCount">The number of quantile bins; at least 2.</param>
    /// <returns>
    /// The merged profile; a single part is returned as it is, since its figures are exact and the mixture's
    /// would only approximate them.
    /// </returns>
    /// <exception cref="ArgumentException">There is no part, or one of several has no sketch.</exception>
    public static NumericProfile Merge(IReadOnlyList<NumericProfile> parts, int binCount = BinEdges.DefaultBinCount)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 2);
        if (parts.Count == 0)
        {
            throw new ArgumentException("At least one part is needed.", nameof(parts));
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        if (parts.All(part => part.Values is not null))
        {
            // Small parts carry their values: the merge is the whole's profile, figure for figure.
            return OfReference([.. parts.SelectMany(part => part.Values!)], binCount);
        }

        var mixture = new SketchMixture([.. parts.Select(part => (
            part.Sketch is { Count: > 0 } sketch
                ? sketch
                : throw new ArgumentException("Every merged part needs a sketch.", nameof(parts)),
            part.Summary.Count))]);
        var (count, mean, standardDeviation) = PooledMoments(parts);
        var summary = new SummaryStatistics(
            count, mean, standardDeviation,
            mixture.Quantile(0.05), mixture.Quantile(0.25), mixture.Quantile(0.50), mixture.Quantile(0.75), mixture.Quantile(0.95));
        var sketchPoints = QuantileSketch.DefaultPoints;
        IReadOnlyList<double> merged = [.. Enumerable.Range(0, sketchPoints).Select(i => mixture.Quantile((double)i / (sketchPoints - 1)))];
        IReadOnlyList<double> edges = [.. Enumerable.Range(1, binCount - 1).Select(i => mixture.Quantile((double)i / binCount)).Distinct()];
        return new NumericProfile(summary, new Histogram(edges, MixtureCounts(mixture, edges)), merged);
    }

    /// <summary>
    /// Merges the profiles of disjoint parts of one column that were each counted <see cref="Against"/> the same edges
    /// (a candidate read a bucket at a time): summary and sketch as <see cref="Merge"/> gives them, and the histogram
    /// the parts' counts added bin by bin, so it is the exact histogram of the whole column at those edges.
    /// </summary>
    /// <param name="parts">At least one profile; all with the same edges and, with more than one, each with a <see cref="Sketch"/>.</param>
    /// <returns>The merged profile; a single part as it is.</returns>
    /// <exception cref="ArgumentException">There is no part, or the parts' histograms have different edges.</exception>
    public static NumericProfile MergeAgainst(IReadOnlyList<NumericProfile> parts)
    {
        var merged = Merge(parts);
        if (parts.Count == 1)
        {
            return merged;
        }

        var first = parts[0].Histogram;
        var counts = new long[first.Counts.Count];
        foreach (var part in parts)
        {
            if (!part.Histogram.HasSameBins(first))
            {
                throw new ArgumentException("Every part must be counted against the same edges.", nameof(parts));
            }

            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] += part.Histogram.Counts[i];
            }
        }

        return merged with { Histogram = new Histogram(first.Edges, counts) };
    }

    /// <summary>Count, mean and population std of the union of disjoint value sets, exactly, from their summaries.</summary>
    private static (long Count, double Mean, double StandardDeviation) PooledMoments(IEnumerable<NumericProfile> profiles)
    {
        var summaries = profiles.Select(profile => profile.Summary).ToList();
        var count = summaries.Sum(summary => summary.Count);
        var mean = summaries.Sum(summary => summary.Count * summary.Mean) / count;

        // Total variance = mean within-part variance + variance of the part means, count-weighted.
        var variance = summaries.Sum(summary => summary.Count
            * (Math.Pow(summary.StandardDeviation, 2) + Math.Pow(summary.Mean - mean, 2))) / count;
        return (count, mean, Math.Sqrt(variance));
    }

    /// <summary>
    /// The mixture's values counted into the bins of <paramref name="edges"/>: its cumulative count at each edge,
    /// rounded and kept ascending, so every bin is within one of the mixture's figure and the bins add up to the
    /// exact total.
    /// </summary>
    private static long[] MixtureCounts(SketchMixture mixture, IReadOnlyList<double> edges)
    {
        var counts = new long[edges.Count + 1];
        long below = 0;
        for (var i = 0; i < edges.Count; i++)
        {
            var atOrBelow = Math.Clamp((long)Math.Round(mixture.CountAtOrBelow(edges[i])), below, mixture.Total);
            counts[i] = atOrBelow - below;
            below = atOrBelow;
        }

        counts[^1] = mixture.Total - below;
        return counts;
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

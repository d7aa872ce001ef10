using Backfill.Core.Buckets;
using Backfill.Core.Drift;

namespace Backfill.Core.Tests.Drift;

public sealed class NumericProfileMergeTests
{
    private const int N = 50_000;

    // A skewed column with a point mass, like amounts with many zeros: the mixture's CDF must jump there too.
    private static readonly double[] Values = [.. Enumerable.Range(0, N).Select(i =>
    {
        var random = new Random(i);
        return random.NextDouble() < 0.2 ? 0 : Math.Round(Math.Exp(3 + random.NextDouble() * 2 * random.NextDouble()), 2);
    })];

    [Fact]
    public void Merge_OnePart_IsThatPartInEveryFigure()
    {
        var part = NumericProfile.OfReference(Values);

        var merged = NumericProfile.Merge([part]);

        Assert.Equal(part.Summary, merged.Summary);
        Assert.Equal(part.Histogram.Edges, merged.Histogram.Edges);
        Assert.Equal(part.Histogram.Counts, merged.Histogram.Counts);
        Assert.Equal(part.Sketch!, merged.Sketch!);
    }

    [Fact]
    public void Merge_NoPart_Throws() =>
        Assert.Throws<ArgumentException>(() => NumericProfile.Merge([]));

    [Fact]
    public void Merge_PartWithoutSketch_Throws()
    {
        var part = NumericProfile.OfReference(Values);

        Assert.Throws<ArgumentException>(() => NumericProfile.Merge([part, part with { Sketch = null }]));
    }

    [Fact]
    public void Merge_TwoCopies_KeepsQuantilesAndDoublesCount()
    {
        var part = NumericProfile.OfReference(Values);

        var merged = NumericProfile.Merge([part, part]);

        Assert.Equal(2L * N, merged.Summary.Count);
        Assert.Equal(part.Summary.Mean, merged.Summary.Mean, 1e-9);
        Assert.Equal(part.Summary.StandardDeviation, merged.Summary.StandardDeviation, 1e-9);
        Assert.Equal(part.Sketch!, merged.Sketch!, (a, b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a)));
        Assert.Equal(part.Histogram.Edges, merged.Histogram.Edges, (a, b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a)));
        Assert.Equal(2L * N, merged.Histogram.Total);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(64)]
    public void Merge_BucketsOfASample_MatchesTheWholeSample(int buckets)
    {
        var parts = BucketSplit.Split(Enumerable.Range(0, N).ToList(), i => $"e{i:D6}", BucketCount.Of(buckets))
            .Select(indexes => NumericProfile.OfReference([.. indexes.Select(i => Values[i])]))
            .ToList();
        var whole = NumericProfile.OfReference(Values);
        var sorted = SortedSample.Of(Values, nameof(Values));

        var merged = NumericProfile.Merge(parts);

        Assert.Equal(whole.Summary.Count, merged.Summary.Count);
        Assert.Equal(whole.Summary.Mean, merged.Summary.Mean, 1e-9 * Math.Abs(whole.Summary.Mean));
        Assert.Equal(whole.Summary.StandardDeviation, merged.Summary.StandardDeviation, 1e-9 * whole.Summary.StandardDeviation);

        // Each part's sketch CDF is within 1/100 + 1/count of its values' CDF (the sketch points are type-7
        // quantiles, the CDF linear between them), so the count-weighted mixture is within ε = 1/100 + B/N of the
        // whole sample's CDF. A merged p-quantile therefore lies between the whole sample's (p−ε)- and
        // (p+ε)-quantiles; 2/N more covers the step from the empirical inverse to the type-7 interpolation.
        var epsilon = (1.0 / (QuantileSketch.DefaultPoints - 1)) + ((double)buckets / N);
        var slack = epsilon + (2.0 / N);
        double[] levels = [0.05, 0.25, 0.50, 0.75, 0.95];
        double[] quantiles = [merged.Summary.P5, merged.Summary.P25, merged.Summary.P50, merged.Summary.P75, merged.Summary.P95];
        for (var i = 0; i < levels.Length; i++)
        {
            Assert.InRange(quantiles[i], sorted.Quantile(Math.Max(0, levels[i] - slack)) - 1e-9, sorted.Quantile(Math.Min(1, levels[i] + slack)) + 1e-9);
        }

        Assert.Equal(QuantileSketch.DefaultPoints, merged.Sketch!.Count);
        Assert.Equal(Values.Min(), merged.Sketch[0]);
        Assert.Equal(Values.Max(), merged.Sketch[^1]);
        Assert.Equal(merged.Sketch.Order(), merged.Sketch);

        // Each bin's count comes from the mixture's cumulative counts at its two edges, each within εN (+½ for
        // rounding) of the sample's own: the bin is within 2εN + 1 of the sample counted into the same edges.
        Assert.Equal(whole.Summary.Count, merged.Histogram.Total);
        var exact = Histogram.Create(Values, merged.Histogram.Edges);
        Assert.All(
            merged.Histogram.Counts.Zip(exact.Counts),
            bin => Assert.InRange(bin.First, bin.Second - (2 * epsilon * N) - 1, bin.Second + (2 * epsilon * N) + 1));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public void MergeAgainst_BucketsCountedAgainstAReference_HaveTheWholeSamplesExactHistogram(int buckets)
    {
        var edges = NumericProfile.OfReference([.. Values.Select(v => v * 1.1)]).Histogram.Edges;
        var parts = BucketSplit.Split(Enumerable.Range(0, N).ToList(), i => $"e{i:D6}", BucketCount.Of(buckets))
            .Select(indexes => NumericProfile.Against([.. indexes.Select(i => Values[i])], edges))
            .ToList();
        var whole = NumericProfile.Against(Values, edges);

        var merged = NumericProfile.MergeAgainst(parts);

        Assert.Equal(whole.Histogram.Edges, merged.Histogram.Edges);
        Assert.Equal(whole.Histogram.Counts, merged.Histogram.Counts);
        Assert.Equal(whole.Summary.Count, merged.Summary.Count);
        Assert.Equal(whole.Summary.Mean, merged.Summary.Mean, 1e-9 * Math.Abs(whole.Summary.Mean));
    }

    [Fact]
    public void MergeAgainst_PartsWithOtherEdges_Throws()
    {
        var part = NumericProfile.Against(Values, [1, 10, 100]);

        Assert.Throws<ArgumentException>(() => NumericProfile.MergeAgainst([part, NumericProfile.Against(Values, [1, 10, 50])]));
    }
}

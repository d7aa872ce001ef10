using Backfill.Core.Drift;
using FsCheck;
using FsCheck.Fluent;

namespace Backfill.Core.Tests.Drift;

/// <summary>FsCheck generators for the drift statistics, registered with <c>[Property(Arbitrary = ...)]</c>.</summary>
public static class DriftArbitraries
{
    private const int Resolution = 10_000;

    /// <summary>
    /// Uniform or triangular (sum of two uniforms) samples of 20 to 300 values, anywhere within ±1000 and
    /// spread over 1 to 500 units — the shapes of real features, always with some spread.
    /// </summary>
    public static Arbitrary<Sample> Sample() =>
        (from count in Gen.Choose(20, 300)
         from center in Gen.Choose(-1_000, 1_000)
         from scale in Gen.Choose(1, 500)
         from triangular in Gen.Elements(false, true)
         from draws in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, Resolution), Gen.Choose(0, Resolution)), count)
         let values = draws
             .Select(draw => center + (scale * (triangular ? (draw.Item1 + draw.Item2) / 2.0 : draw.Item1) / Resolution))
             .ToArray()
         where values.Distinct().Count() > 1
         select new Sample(values))
        .ToArbitrary();

    /// <summary>Pairs of histograms of 1 to 12 bins with any non-empty counts, sharing ascending edges.</summary>
    public static Arbitrary<HistogramPair> HistogramPair() =>
        (from bins in Gen.Choose(1, 12)
         from gaps in Gen.ArrayOf(Gen.Choose(1, 100), bins - 1)
         from reference in Counts(bins)
         from actual in Counts(bins)
         let edges = gaps.Select((_, i) => (double)gaps.Take(i + 1).Sum()).ToArray()
         select new HistogramPair(new Histogram(edges, reference), new Histogram(edges, actual)))
        .ToArbitrary();

    private static Gen<long[]> Counts(int bins) =>
        Gen.ArrayOf(Gen.Choose(0, 1_000).Select(count => (long)count), bins).Where(counts => counts.Sum() > 0);
}

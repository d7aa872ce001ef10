using Backfill.Core.Drift;
using FsCheck.Xunit;

namespace Backfill.Core.Tests.Drift;

public sealed class PsiTests
{
    private static readonly double[] Quartiles = [1, 2, 3];

    [Fact]
    public void Compute_HandComputedShares_MatchesFormula()
    {
        // Shares .25 each against .1, .2, .3, .4:
        // (-.15)ln(.4) + (-.05)ln(.8) + (.05)ln(1.2) + (.15)ln(1.6) = 0.2282174.
        var reference = new Histogram(Quartiles, [25, 25, 25, 25]);
        var actual = new Histogram(Quartiles, [10, 20, 30, 40]);

        Assert.Equal(0.2282174, Psi.Compute(reference, actual), precision: 7);
    }

    [Fact]
    public void Compute_EmptiedBin_UsesEpsilonInsteadOfInfinity()
    {
        // (1 - .5)ln(1/.5) + (1e-4 - .5)ln(1e-4/.5) = 0.3465736 + 4.2577449.
        var reference = new Histogram([0], [50, 50]);
        var actual = new Histogram([0], [100, 0]);

        Assert.Equal(4.6043185, Psi.Compute(reference, actual), precision: 7);
    }

    [Fact]
    public void Compute_SameSharesDifferentTotals_IsZero()
    {
        var reference = new Histogram(Quartiles, [10, 20, 30, 40]);
        var actual = new Histogram(Quartiles, [100, 200, 300, 400]);

        Assert.Equal(0, Psi.Compute(reference, actual));
    }

    [Fact]
    public void Compute_DifferentEdges_ThrowsArgumentException()
    {
        var reference = new Histogram([1, 2], [1, 1, 1]);
        var actual = new Histogram([1, 3], [1, 1, 1]);

        var error = Assert.Throws<ArgumentException>(() => Psi.Compute(reference, actual));

        Assert.Equal("actual", error.ParamName);
    }

    [Theory]
    [InlineData(0, 5, "reference")]
    [InlineData(5, 0, "actual")]
    public void Compute_EmptyHistogram_ThrowsNamingIt(long referenceCount, long actualCount, string paramName)
    {
        var reference = new Histogram([], [referenceCount]);
        var actual = new Histogram([], [actualCount]);

        var error = Assert.Throws<ArgumentException>(() => Psi.Compute(reference, actual));

        Assert.Equal(paramName, error.ParamName);
    }

    [Fact]
    public void Compute_ValuesShiftedAboveReference_BinsAtReferenceQuantiles()
    {
        double[] reference = [.. Enumerable.Range(1, 100).Select(value => (double)value)];
        double[] actual = [.. reference.Select(value => value + 1000)];

        // Deciles of the reference: ten bins of .1; every shifted value lands in the open top bin:
        // (1 - .1)ln(10) + 9 × (1e-4 - .1)ln(1e-3) = 2.0723266 + 6.2107628.
        Assert.Equal(8.2830894, Psi.Compute(reference, actual), precision: 6);
    }

    [Property(Arbitrary = [typeof(DriftArbitraries)])]
    public void Compute_SampleAgainstItself_IsZero(Sample sample)
    {
        Assert.Equal(0, Psi.Compute(sample.Values, sample.Values), precision: 12);
    }

    [Property(Arbitrary = [typeof(DriftArbitraries)])]
    public void Compute_AnyHistograms_IsNotNegative(HistogramPair pair)
    {
        Assert.True(Psi.Compute(pair.Reference, pair.Actual) >= 0);
    }

    [Property(Arbitrary = [typeof(DriftArbitraries)])]
    public void Compute_AnyHistograms_IsSymmetric(HistogramPair pair)
    {
        Assert.Equal(Psi.Compute(pair.Reference, pair.Actual), Psi.Compute(pair.Actual, pair.Reference), precision: 12);
    }

    [Property(Arbitrary = [typeof(DriftArbitraries)])]
    public void Compute_ShiftedBySeveralStandardDeviations_IsAboveFailThreshold(Sample sample, bool downwards)
    {
        var shift = 3 * SummaryStatistics.Of(sample.Values).StandardDeviation * (downwards ? -1 : 1);

        var psi = Psi.Compute(sample.Values, [.. sample.Values.Select(value => value + shift)]);

        Assert.True(psi > 0.25, $"PSI {psi} after a shift of {shift}");
    }
}

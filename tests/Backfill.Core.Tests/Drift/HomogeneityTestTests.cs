using Backfill.Core.Drift;

namespace Backfill.Core.Tests.Drift;

public sealed class HomogeneityTestTests
{
    private static readonly double[] Edges = [1, 2, 3];

    [Fact]
    public void Test_SameShares_StatisticZeroPValueOne()
    {
        var result = HomogeneityTest.Test(Of(25, 25, 25, 25), Of(50, 50, 50, 50), 1_000, 2_000);

        Assert.Equal((0.0, 3, 1.0), (result.Statistic, result.DegreesOfFreedom, result.PValue));
    }

    [Fact]
    public void Test_SameShiftAtTwoSampleSizes_SignificantOnlyForTheLargerSamples()
    {
        // Shares .25 each against .20/.20/.30/.30: PSI 0.0365 at any size; the chi-square statistic grows with n.
        var reference = Of(25, 25, 25, 25);
        var candidate = Of(20, 20, 30, 30);

        var small = HomogeneityTest.Test(reference, candidate, 100, 100);
        var large = HomogeneityTest.Test(reference, candidate, 10_000, 10_000);

        Assert.True(small.PValue > 0.1, $"p {small.PValue}");
        Assert.True(large.PValue < 1e-9, $"p {large.PValue}");
        Assert.Equal(large.Statistic / 100, small.Statistic, precision: 9);
    }

    [Fact]
    public void Test_HandComputedCase_MatchesTheFormula()
    {
        // n = m = 100: pooled shares .2/.3/.3/.2; Σ (a−r)²/p = .04/.2 + .04/.3 + .04/.3 + .04/.2 = 0.6667; × 50 = 33.33.
        var result = HomogeneityTest.Test(Of(30, 20, 40, 10), Of(10, 40, 20, 30), 100, 100);

        Assert.Equal(3, result.DegreesOfFreedom);
        Assert.Equal(33.333333, result.Statistic, precision: 5);
        Assert.Equal(ChiSquare.UpperTail(result.Statistic, 3), result.PValue);
    }

    [Fact]
    public void Test_BinsEmptyOnBothSides_DoNotCountAsDegreesOfFreedom()
    {
        var result = HomogeneityTest.Test(Of(50, 0, 50, 0), Of(40, 0, 60, 0), 100, 100);

        Assert.Equal(1, result.DegreesOfFreedom);
    }

    [Fact]
    public void Test_DifferentEdges_Throws()
    {
        Assert.Throws<ArgumentException>(() => HomogeneityTest.Test(Of(1, 1, 1, 1), new Histogram([1.0], [1L, 1L]), 4, 2));
    }

    private static Histogram Of(params long[] counts) => new(Edges, counts);
}

using Backfill.Core.Drift;
using FsCheck.Xunit;

namespace Backfill.Core.Tests.Drift;

public sealed class SummaryStatisticsTests
{
    [Fact]
    public void Of_OneToTen_MatchesNumpyDefaults()
    {
        // numpy.percentile([1..10], [5, 25, 50, 75, 95]) = 1.45, 3.25, 5.5, 7.75, 9.55; numpy.std = √8.25.
        var summary = SummaryStatistics.Of([7, 3, 10, 1, 5, 2, 9, 4, 6, 8]);

        Assert.Equal(10, summary.Count);
        Assert.Equal(5.5, summary.Mean, precision: 12);
        Assert.Equal(Math.Sqrt(8.25), summary.StandardDeviation, precision: 12);
        Assert.Equal(1.45, summary.P5, precision: 12);
        Assert.Equal(3.25, summary.P25, precision: 12);
        Assert.Equal(5.5, summary.P50, precision: 12);
        Assert.Equal(7.75, summary.P75, precision: 12);
        Assert.Equal(9.55, summary.P95, precision: 12);
    }

    [Fact]
    public void Of_OneValue_HasZeroSpreadAndEveryQuantileAtIt()
    {
        Assert.Equal(new SummaryStatistics(1, 4.5, 0, 4.5, 4.5, 4.5, 4.5, 4.5), SummaryStatistics.Of([4.5]));
    }

    [Fact]
    public void Of_SmallSpreadAtLargeOffset_KeepsStandardDeviationPrecise()
    {
        // A naive sum of squares loses these digits to cancellation at 1e9.
        var summary = SummaryStatistics.Of([1e9 + 1, 1e9 + 2, 1e9 + 3]);

        Assert.Equal(Math.Sqrt(2.0 / 3), summary.StandardDeviation, precision: 9);
    }

    [Fact]
    public void Of_NoValues_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => SummaryStatistics.Of([]));

        Assert.Equal("values", error.ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Of_NonFiniteValue_ThrowsArgumentException(double value)
    {
        var error = Assert.Throws<ArgumentException>(() => SummaryStatistics.Of([1, value]));

        Assert.Equal("values", error.ParamName);
    }

    [Property(Arbitrary = [typeof(DriftArbitraries)])]
    public void Of_AnySample_QuantilesAscendWithinRangeAroundMean(Sample sample)
    {
        var summary = SummaryStatistics.Of(sample.Values);

        double[] figures = [sample.Values.Min(), summary.P5, summary.P25, summary.P50, summary.P75, summary.P95, sample.Values.Max()];
        Assert.Equal(figures.Order(), figures);
        Assert.InRange(summary.Mean, figures[0], figures[^1]);
        Assert.Equal(sample.Values.Average(), summary.Mean, tolerance: 1e-9);
        Assert.True(summary.StandardDeviation > 0);
    }
}

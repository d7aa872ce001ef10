using Backfill.Core.Drift;

namespace Backfill.Core.Tests.Drift;

public sealed class BinEdgesTests
{
    [Fact]
    public void FromQuantiles_OneToHundred_ReturnsDeciles()
    {
        var edges = BinEdges.FromQuantiles(Enumerable.Range(1, 100).Select(value => (double)value));

        // Linear interpolation: the i/10 quantile of 1..100 is 1 + 99 × i/10.
        Assert.Equal([10.9, 20.8, 30.7, 40.6, 50.5, 60.4, 70.3, 80.2, 90.1], edges, (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void FromQuantiles_PointMass_CollapsesEqualEdges()
    {
        double[] zeroInflated = [.. Enumerable.Repeat(0.0, 95), 1, 2, 3, 4, 5];

        // Of twenty quantiles, the first 18 are 0 and the 95th percentile interpolates between 0 and 1.
        Assert.Equal([0.0, 0.05], BinEdges.FromQuantiles(zeroInflated, binCount: 20), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal([0.0], BinEdges.FromQuantiles(zeroInflated, binCount: 10));
    }

    [Fact]
    public void FromQuantiles_PointMass_KeepsItInTheBinItsQuantileNames()
    {
        double[] zeroInflated = [.. Enumerable.Repeat(0.0, 95), 1, 2, 3, 4, 5];

        var histogram = Histogram.Create(zeroInflated, BinEdges.FromQuantiles(zeroInflated));

        Assert.Equal([95L, 5], histogram.Counts);
    }

    [Fact]
    public void FromQuantiles_Quartiles_SplitsIntoFourEqualShares()
    {
        double[] values = [.. Enumerable.Range(0, 400).Select(value => value + 0.5)];

        var histogram = Histogram.Create(values, BinEdges.FromQuantiles(values, binCount: 4));

        Assert.Equal([100L, 100, 100, 100], histogram.Counts);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void FromQuantiles_FewerThanTwoBins_ThrowsArgumentOutOfRange(int binCount)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BinEdges.FromQuantiles([1, 2], binCount));

        Assert.Equal("binCount", error.ParamName);
    }

    [Fact]
    public void FromQuantiles_NoValues_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => BinEdges.FromQuantiles([]));

        Assert.Equal("reference", error.ParamName);
    }
}

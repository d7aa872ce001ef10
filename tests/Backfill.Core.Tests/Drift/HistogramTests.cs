using Backfill.Core.Drift;

namespace Backfill.Core.Tests.Drift;

public sealed class HistogramTests
{
    [Fact]
    public void Create_ValuesOnAndBetweenEdges_CountsInRightClosedBins()
    {
        var histogram = Histogram.Create([0, 1, 1.5, 2, 2.5, 3, 9], [1, 2, 3]);

        // (-∞, 1]: 0, 1; (1, 2]: 1.5, 2; (2, 3]: 2.5, 3; (3, +∞): 9.
        Assert.Equal([2L, 2, 2, 1], histogram.Counts);
        Assert.Equal(7, histogram.Total);
        Assert.Equal([1.0, 2, 3], histogram.Edges);
    }

    [Fact]
    public void Create_ValuesBeyondEdges_CountsInOpenOuterBins()
    {
        var histogram = Histogram.Create([-1e9, 1e9], [0]);

        Assert.Equal([1L, 1], histogram.Counts);
    }

    [Fact]
    public void Create_NoEdges_CountsEverythingInOneBin()
    {
        Assert.Equal([3L], Histogram.Create([1, 2, 3], []).Counts);
    }

    [Fact]
    public void Create_NaN_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => Histogram.Create([1, double.NaN], [0]));

        Assert.Equal("values", error.ParamName);
    }

    [Theory]
    [InlineData(2.0, 1.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(1.0, double.PositiveInfinity)]
    public void Constructor_EdgesNotStrictlyAscendingFinite_ThrowsArgumentException(double first, double second)
    {
        var error = Assert.Throws<ArgumentException>(() => new Histogram([first, second], [1, 1, 1]));

        Assert.Equal("edges", error.ParamName);
    }

    [Theory]
    [InlineData(new long[] { 1, 1 })]
    [InlineData(new long[] { 1, 1, 1, 1 })]
    [InlineData(new long[] { 1, -1, 1 })]
    public void Constructor_CountsNotOnePerBin_ThrowsArgumentException(long[] counts)
    {
        var error = Assert.Throws<ArgumentException>(() => new Histogram([1, 2], counts));

        Assert.Equal("counts", error.ParamName);
    }

    [Fact]
    public void HasSameBins_EqualAndDifferentEdges_ComparesEdges()
    {
        var histogram = new Histogram([1, 2], [1, 2, 3]);

        Assert.True(histogram.HasSameBins(Histogram.Create([5], [1, 2])));
        Assert.False(histogram.HasSameBins(Histogram.Create([5], [1, 2.5])));
        Assert.False(histogram.HasSameBins(Histogram.Create([5], [1])));
    }
}

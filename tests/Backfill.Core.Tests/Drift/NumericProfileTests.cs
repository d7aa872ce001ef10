using Backfill.Core.Drift;

namespace Backfill.Core.Tests.Drift;

public sealed class NumericProfileTests
{
    private static readonly double[] OneToHundred = [.. Enumerable.Range(1, 100).Select(value => (double)value)];

    [Fact]
    public void OfReference_Values_BinsAtItsOwnQuantilesInEqualShares()
    {
        var profile = NumericProfile.OfReference(OneToHundred, binCount: 4);

        Assert.Equal(BinEdges.FromQuantiles(OneToHundred, 4), profile.Histogram.Edges);
        Assert.Equal([25L, 25, 25, 25], profile.Histogram.Counts);
        Assert.Equal(SummaryStatistics.Of(OneToHundred), profile.Summary);
    }

    [Fact]
    public void Against_ReferenceEdges_CountsWithThoseEdges()
    {
        var reference = NumericProfile.OfReference(OneToHundred, binCount: 4);

        var candidate = NumericProfile.Against([1, 2, 3, 99], reference.Histogram.Edges);

        Assert.True(candidate.Histogram.HasSameBins(reference.Histogram));
        Assert.Equal([3L, 0, 0, 1], candidate.Histogram.Counts);
        Assert.Equal(4, candidate.Summary.Count);
    }
}

using Backfill.Core.Drift;

namespace Backfill.Core.Tests.Drift;

public sealed class NumericProfilePoolTests
{
    private static double[] Range(int from, int count) => [.. Enumerable.Range(from, count).Select(i => (double)i)];

    [Fact]
    public void Pool_OneProfile_KeepsItsSummary()
    {
        var profile = NumericProfile.OfReference(Range(0, 1000));

        var pooled = NumericProfile.Pool([profile]);

        Assert.Equal(profile.Summary.Count, pooled.Summary.Count);
        Assert.Equal(profile.Summary.Mean, pooled.Summary.Mean, precision: 9);
        Assert.Equal(profile.Summary.StandardDeviation, pooled.Summary.StandardDeviation, precision: 9);
    }

    [Fact]
    public void Pool_TwoProfiles_HasExactPooledMeanAndStd()
    {
        double[] low = Range(0, 100);
        double[] high = Range(100, 300);

        var pooled = NumericProfile.Pool([NumericProfile.OfReference(low), NumericProfile.OfReference(high)]);
        var all = SummaryStatistics.Of([.. low, .. high]);

        Assert.Equal(400, pooled.Summary.Count);
        Assert.Equal(all.Mean, pooled.Summary.Mean, precision: 9);
        Assert.Equal(all.StandardDeviation, pooled.Summary.StandardDeviation, precision: 9);
    }

    [Fact]
    public void Rebin_SameDistribution_HasNearZeroPsiAgainstThePool()
    {
        var reference = NumericProfile.Pool([NumericProfile.OfReference(Range(0, 500)), NumericProfile.OfReference(Range(0, 500))]);
        var candidate = NumericProfile.OfReference(Range(0, 500)).Rebin(reference.Histogram.Edges);

        Assert.True(Psi.Compute(reference.Histogram, candidate.Histogram) < 0.01);
    }

    [Fact]
    public void Rebin_ShiftedDistribution_HasLargePsiAgainstThePool()
    {
        var reference = NumericProfile.Pool([NumericProfile.OfReference(Range(0, 500))]);
        var candidate = NumericProfile.OfReference(Range(400, 500)).Rebin(reference.Histogram.Edges);

        Assert.True(Psi.Compute(reference.Histogram, candidate.Histogram) > 1);
    }

    [Fact]
    public void Pool_ProfileWithoutSketch_Throws()
    {
        var profile = NumericProfile.OfReference(Range(0, 10)) with { Sketch = null };

        Assert.Throws<ArgumentException>(() => NumericProfile.Pool([profile]));
        Assert.Throws<InvalidOperationException>(() => profile.Rebin([1.0]));
    }
}

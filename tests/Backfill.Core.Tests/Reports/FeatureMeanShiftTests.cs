using System.Collections.Immutable;
using Backfill.Core.Features;
using Backfill.Core.Reports;

namespace Backfill.Core.Tests.Reports;

public sealed class FeatureMeanShiftTests
{
    private static readonly DateOnly Day = new(2025, 1, 10);

    private static FeatureRow Row(string entity, double first, double rest = 0) =>
        new(entity, Day, [first, .. Enumerable.Repeat(rest, FeatureVersions.V1.Features.Count - 1)]);

    private static FeatureMeans Means(params FeatureRow[] rows)
    {
        var means = new FeatureMeans(FeatureVersions.V1);
        means.Add(rows);
        return means;
    }

    [Fact]
    public void Means_AddedABucketAtATime_EqualTheMeansOfAllRowsAddedAtOnce()
    {
        FeatureRow[] rows = [Row("e1", 1, 0.5), Row("e2", double.NaN, 2), Row("e3", 7, 3.25), Row("e4", -2, 8)];
        var inParts = new FeatureMeans(FeatureVersions.V1);
        inParts.Add(rows[..1]);
        inParts.Add([]);
        inParts.Add(rows[1..]);

        var whole = Means(rows);

        Assert.Equal(
            Enumerable.Range(0, FeatureVersions.V1.Features.Count).Select(whole.Of),
            Enumerable.Range(0, FeatureVersions.V1.Features.Count).Select(inParts.Of));
        Assert.Equal((2.0, 3.4375), (inParts.Of(0), inParts.Of(1)));
    }

    [Fact]
    public void Of_PreviousAndNewRows_GivesEachFeaturesMeansAndShiftInVersionOrder()
    {
        var shifts = FeatureMeanShift.Of(FeatureVersions.V1, Means(Row("e1", 2), Row("e2", 4)), Means(Row("e1", 2), Row("e2", 10), Row("e3", 12)));

        Assert.Equal(FeatureVersions.V1.Features.Select(f => f.Name), shifts.Select(s => s.Feature));
        Assert.Equal((3.0, 8.0, 5.0), (shifts[0].MeanBefore, shifts[0].MeanAfter, shifts[0].Shift));
        Assert.All(shifts.Skip(1), s => Assert.Equal(0.0, s.Shift));
    }

    [Fact]
    public void Of_FirstCommit_HasNoBeforeAndNoShift()
    {
        var shift = FeatureMeanShift.Of(FeatureVersions.V1, null, Means(Row("e1", 6)))[0];

        Assert.Equal((null, 6.0, null), (shift.MeanBefore, shift.MeanAfter, shift.Shift));
    }

    [Fact]
    public void Of_NonFiniteValues_AreLeftOutOfTheMean()
    {
        var shift = FeatureMeanShift.Of(FeatureVersions.V1, Means(Row("e1", double.NaN)), Means(Row("e1", double.NaN), Row("e2", 4)))[0];

        Assert.Equal((null, 4.0, null), (shift.MeanBefore, shift.MeanAfter, shift.Shift));
    }
}

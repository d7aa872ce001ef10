using Backfill.Core.Drift;

namespace Backfill.Core.Tests.Drift;

public sealed class SummaryShiftTests
{
    [Fact]
    public void Between_TwoSummaries_IsActualMinusReference()
    {
        var reference = new SummaryStatistics(10, Mean: 5, StandardDeviation: 2, P5: 1, P25: 3, P50: 5, P75: 7, P95: 9);
        var actual = new SummaryStatistics(20, Mean: 6.5, StandardDeviation: 1.5, P5: 1, P25: 4, P50: 6, P75: 9, P95: 8);

        Assert.Equal(new SummaryShift(1.5, -0.5, 0, 1, 1, 2, -1), SummaryShift.Between(reference, actual));
    }

    [Fact]
    public void ToString_Shift_NamesEverySignedFigureInInvariantCulture()
    {
        var shift = new SummaryShift(1.5, -0.25, 0, 1, 0.00001, 2, -1);

        Assert.Equal("mean +1.5, std -0.25, p5 0, p25 +1, p50 0, p75 +2, p95 -1", shift.ToString());
    }
}

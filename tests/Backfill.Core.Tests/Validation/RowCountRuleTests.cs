using Backfill.Core.Validation;

namespace Backfill.Core.Tests.Validation;

public sealed class RowCountRuleTests
{
    private static readonly ValidationThresholds Defaults = new();
    private static readonly long[] Trailing = [900, 1_000, 1_100, 950, 1_050, 5_000, 10];

    [Theory]
    [InlineData(0, ValidationStatus.Fail, 1)]
    [InlineData(1, ValidationStatus.Pass, 1)]
    [InlineData(100, ValidationStatus.Pass, 1)]
    [InlineData(101, ValidationStatus.Fail, 100)]
    public void CheckBounds_RowCount_FailsOutsideMinAndMax(long rows, ValidationStatus status, double threshold)
    {
        var result = RowCountRule.CheckBounds(rows, Defaults with { MaxRows = 100 });

        Assert.Equal(ValidationCheckNames.RowCountBounds, result.Name);
        Assert.Equal(status, result.Status);
        Assert.Equal(rows, result.Observed);
        Assert.Equal(threshold, result.Threshold);
    }

    [Theory]
    [InlineData(1_000, ValidationStatus.Pass, 0.25)]
    [InlineData(1_250, ValidationStatus.Pass, 0.25)]
    [InlineData(1_251, ValidationStatus.Warn, 0.25)]
    [InlineData(750, ValidationStatus.Pass, 0.25)]
    [InlineData(749, ValidationStatus.Warn, 0.25)]
    [InlineData(1_500, ValidationStatus.Warn, 0.25)]
    [InlineData(1_501, ValidationStatus.Fail, 0.5)]
    [InlineData(500, ValidationStatus.Warn, 0.25)]
    [InlineData(499, ValidationStatus.Fail, 0.5)]
    public void CheckTrend_RowCount_GradesDistanceFromTrailingMedian(long rows, ValidationStatus status, double threshold)
    {
        // The median of the trailing counts is 1 000: the outliers 5 000 and 10 do not move it.
        var result = RowCountRule.CheckTrend(rows, Trailing, Defaults);

        Assert.Equal(ValidationCheckNames.RowCountTrend, result.Name);
        Assert.Equal(status, result.Status);
        Assert.Equal((rows / 1_000.0) - 1, result.Observed!.Value, precision: 12);
        Assert.Equal(threshold, result.Threshold);
    }

    [Fact]
    public void CheckTrend_EvenNumberOfPartitions_UsesMeanOfMiddlePair()
    {
        var result = RowCountRule.CheckTrend(150, [100, 200, 100, 200], Defaults);

        Assert.Equal(0, result.Observed);
        Assert.Contains("median 150 of the 4 trailing committed partitions", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckTrend_VolumeDrop_MessageNamesDropAndBounds()
    {
        var result = RowCountRule.CheckTrend(400, Trailing, Defaults);

        Assert.Equal(
            "400 rows is -60.0% from the median 1000 of the 7 trailing committed partitions; warn beyond ±25%, fail beyond ±50% "
            + "when beyond counting noise (p 0, α 0.001).",
            result.Message);
    }

    [Theory]
    [InlineData(4, 10, ValidationStatus.Warn)]
    [InlineData(400, 1_000, ValidationStatus.Fail)]
    public void CheckTrend_SixtyPercentDrop_FailsOnlyBeyondCountingNoise(long rows, long median, ValidationStatus status)
    {
        // 4 rows against 10 is z = −1.9 (Poisson): a small partition moves that much by chance; 400 against 1 000 is z = −19.
        var result = RowCountRule.CheckTrend(rows, [median, median, median], Defaults);

        Assert.Equal(-0.6, result.Observed!.Value, precision: 12);
        Assert.Equal(status, result.Status);
    }

    [Fact]
    public void CheckTrend_NoTrailingPartitions_PassesSayingThereIsNoBaseline()
    {
        var result = RowCountRule.CheckTrend(1_000, [], Defaults);

        Assert.Equal(ValidationStatus.Pass, result.Status);
        Assert.Null(result.Observed);
        Assert.Null(result.Threshold);
        Assert.Contains("no baseline", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckTrend_TrailingMedianZero_PassesSayingThereIsNoBaseline()
    {
        var result = RowCountRule.CheckTrend(1_000, [0, 0, 5], Defaults);

        Assert.Equal(ValidationStatus.Pass, result.Status);
        Assert.Contains("no baseline: the trailing committed partitions' median is 0 rows", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckTrend_CustomDeviations_UsesDatasetThresholds()
    {
        var strict = Defaults with { RowCountWarnDeviation = 0.05, RowCountFailDeviation = 0.10 };

        Assert.Equal(ValidationStatus.Warn, RowCountRule.CheckTrend(1_060, Trailing, strict).Status);
        Assert.Equal(ValidationStatus.Fail, RowCountRule.CheckTrend(1_110, Trailing, strict).Status);
    }
}

using Backfill.Core.Validation;

namespace Backfill.Core.Tests.Validation;

public sealed class ValidationThresholdsTests
{
    [Fact]
    public void Constructor_NoSettings_UsesSafeDefaults()
    {
        var thresholds = new ValidationThresholds();

        Assert.Equal(1, thresholds.MinRows);
        Assert.Equal(long.MaxValue, thresholds.MaxRows);
        Assert.Equal(7, thresholds.BaselinePartitions);
        Assert.Equal(0.25, thresholds.RowCountWarnDeviation);
        Assert.Equal(0.50, thresholds.RowCountFailDeviation);
        Assert.Equal(0.05, thresholds.NullRateFailIncrease);
        Assert.Equal(0.10, thresholds.PsiWarn);
        Assert.Equal(0.25, thresholds.PsiFail);
        Assert.Empty(thresholds.ExpectedToDrift);
    }

    [Fact]
    public void Init_NegativeRowBounds_ThrowsNamingSetting()
    {
        Assert.Equal("MinRows", Assert.Throws<ArgumentOutOfRangeException>(() => new ValidationThresholds { MinRows = -1 }).ParamName);
        Assert.Equal("MaxRows", Assert.Throws<ArgumentOutOfRangeException>(() => new ValidationThresholds { MaxRows = -1 }).ParamName);
    }

    [Fact]
    public void Init_NoBaselinePartitions_ThrowsNamingSetting()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ValidationThresholds { BaselinePartitions = 0 });

        Assert.Equal("BaselinePartitions", error.ParamName);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Init_FractionNotFiniteOrNegative_ThrowsNamingSetting(double value)
    {
        Assert.Equal(
            "RowCountWarnDeviation",
            Assert.Throws<ArgumentOutOfRangeException>(() => new ValidationThresholds { RowCountWarnDeviation = value }).ParamName);
        Assert.Equal(
            "RowCountFailDeviation",
            Assert.Throws<ArgumentOutOfRangeException>(() => new ValidationThresholds { RowCountFailDeviation = value }).ParamName);
        Assert.Equal(
            "NullRateFailIncrease",
            Assert.Throws<ArgumentOutOfRangeException>(() => new ValidationThresholds { NullRateFailIncrease = value }).ParamName);
        Assert.Equal("PsiWarn", Assert.Throws<ArgumentOutOfRangeException>(() => new ValidationThresholds { PsiWarn = value }).ParamName);
        Assert.Equal("PsiFail", Assert.Throws<ArgumentOutOfRangeException>(() => new ValidationThresholds { PsiFail = value }).ParamName);
    }

    [Fact]
    public void Init_NullExpectedToDrift_ThrowsArgumentNull()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new ValidationThresholds { ExpectedToDrift = null! });

        Assert.Equal("ExpectedToDrift", error.ParamName);
    }
}

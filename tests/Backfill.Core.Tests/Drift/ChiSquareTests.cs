using Backfill.Core.Drift;

namespace Backfill.Core.Tests.Drift;

public sealed class ChiSquareTests
{
    // Critical values from the standard chi-square table.
    [Theory]
    [InlineData(3.841459, 1, 0.05)]
    [InlineData(10.827566, 1, 0.001)]
    [InlineData(16.918978, 9, 0.05)]
    [InlineData(27.877165, 9, 0.001)]
    [InlineData(23.209251, 10, 0.01)]
    [InlineData(0.114832, 3, 0.99)]
    public void UpperTail_TableCriticalValue_GivesItsLevel(double statistic, int degreesOfFreedom, double level)
    {
        Assert.Equal(level, ChiSquare.UpperTail(statistic, degreesOfFreedom), precision: 6);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2)]
    [InlineData(30)]
    public void UpperTail_TwoDegreesOfFreedom_IsExpOfMinusHalf(double statistic)
    {
        Assert.Equal(Math.Exp(-statistic / 2), ChiSquare.UpperTail(statistic, 2), precision: 12);
    }

    [Fact]
    public void UpperTail_ZeroOrNegativeAndInfinite_AreOneAndZero()
    {
        Assert.Equal(1, ChiSquare.UpperTail(0, 4));
        Assert.Equal(1, ChiSquare.UpperTail(-1, 4));
        Assert.Equal(0, ChiSquare.UpperTail(double.PositiveInfinity, 4));
    }

    [Fact]
    public void UpperTail_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChiSquare.UpperTail(1, 0));
        Assert.Throws<ArgumentException>(() => ChiSquare.UpperTail(double.NaN, 1));
    }
}

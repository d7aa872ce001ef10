using Backfill.Core.Validation;

namespace Backfill.Core.Tests.Validation;

public sealed class ColumnProfileTests
{
    [Fact]
    public void OfNumbers_NullAndNaN_CountAsNull()
    {
        var profile = ColumnProfile.OfNumbers("amount", [1.0, null, double.NaN, 3.0]);

        Assert.Equal(2, profile.NullCount);
        Assert.Equal(2, profile.Numeric!.Summary.Count);
        Assert.Equal(2.0, profile.Numeric.Summary.Mean);
        Assert.NotNull(profile.Numeric.Sketch);
    }

    [Fact]
    public void OfNumbers_AllNull_HasNoNumericProfile()
    {
        var profile = ColumnProfile.OfNumbers("amount", [null, null]);

        Assert.Equal(2, profile.NullCount);
        Assert.Null(profile.Numeric);
    }

    [Fact]
    public void OfValues_CountsNullsOnly()
    {
        var profile = ColumnProfile.OfValues("session_id", ["a", null, "b"]);

        Assert.Equal(1, profile.NullCount);
        Assert.Null(profile.Numeric);
    }
}

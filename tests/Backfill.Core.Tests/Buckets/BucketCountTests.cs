using Backfill.Core.Buckets;

namespace Backfill.Core.Tests.Buckets;

public sealed class BucketCountTests
{
    public static TheoryData<int> PowersOfTwo => [.. Enumerable.Range(0, 9).Select(bits => 1 << bits)];

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(255)]
    [InlineData(512)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Of_NotAPowerOfTwoFrom1To256_ThrowsNamingValueAndRule(int value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BucketCount.Of(value));

        Assert.Contains(value.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("a power of two from 1 to 256", error.Message, StringComparison.Ordinal);
        Assert.False(BucketCount.IsValid(value));
    }

    [Theory]
    [MemberData(nameof(PowersOfTwo))]
    public void Of_PowerOfTwoUpTo256_KeepsValueAndItsLog2(int value)
    {
        var count = BucketCount.Of(value);

        Assert.True(BucketCount.IsValid(value));
        Assert.Equal(value, count.Value);
        Assert.Equal(value, 1 << count.Bits);
    }

    [Fact]
    public void Default_IsOneBucket()
    {
        var count = default(BucketCount);

        Assert.Equal(1, count.Value);
        Assert.Equal(0, count.Bits);
        Assert.Equal(BucketCount.One, count);
        Assert.Equal(BucketCount.Of(1), count);
        Assert.Equal(BucketCount.Of(1).GetHashCode(), count.GetHashCode());
    }

    [Fact]
    public void Equals_SameValue_IsEqualAndOtherValueIsNot()
    {
        Assert.Equal(BucketCount.Of(64), BucketCount.Of(64));
        Assert.NotEqual(BucketCount.Of(64), BucketCount.Of(32));
        Assert.NotEqual(BucketCount.One, BucketCount.Of(2));
    }
}

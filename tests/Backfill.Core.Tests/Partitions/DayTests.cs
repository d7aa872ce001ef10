using Backfill.Core.Partitions;
using FsCheck.Xunit;

namespace Backfill.Core.Tests.Partitions;

public sealed class DayTests
{
    [Fact]
    public void Parse_CanonicalText_ReturnsThatDay()
    {
        Assert.Equal(new DateOnly(2025, 1, 31), Day.Parse("2025-01-31").Date);
    }

    [Fact]
    public void ToString_EarlyYearAndSingleDigits_PadsToCanonicalWidth()
    {
        Assert.Equal("0987-03-04", new Day(new DateOnly(987, 3, 4)).ToString());
    }

    [Fact]
    public void PathSegment_AnyDay_IsDatePrefixedCanonicalText()
    {
        Assert.Equal("date=2025-01-03", Day.Parse("2025-01-03").PathSegment);
    }

    [Fact]
    public void Parse_February30_ThrowsNamingDateAndMonthLength()
    {
        var error = Assert.Throws<FormatException>(() => Day.Parse("2025-02-30"));

        Assert.Equal("'2025-02-30' is not a calendar date: February 2025 has 28 days.", error.Message);
    }

    [Fact]
    public void Parse_LeapDayInLeapYear_ReturnsLeapDay()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), Day.Parse("2024-02-29").Date);
    }

    [Fact]
    public void Parse_LeapDayInCenturyNotDivisibleBy400_Throws()
    {
        var error = Assert.Throws<FormatException>(() => Day.Parse("2100-02-29"));

        Assert.Contains("February 2100 has 28 days", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-13-01", "month 13 is not between 01 and 12")]
    [InlineData("2025-00-10", "month 00 is not between 01 and 12")]
    [InlineData("2025-01-00", "days start at 01")]
    [InlineData("2025-04-31", "April 2025 has 30 days")]
    [InlineData("0000-01-01", "years start at 0001")]
    public void Parse_NoSuchCalendarDay_ThrowsNamingReason(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => Day.Parse(text));

        Assert.Equal($"'{text}' is not a calendar date: {reason}.", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2025-1-01")]
    [InlineData("2025-01-1")]
    [InlineData("2025/01/01")]
    [InlineData("20250101")]
    [InlineData(" 2025-01-01")]
    [InlineData("2025-01-01 ")]
    [InlineData("2025-01-011")]
    [InlineData("+025-01-01")]
    [InlineData("2025-01-0a")]
    [InlineData("２０２５-01-01")]
    [InlineData("2025-01-01T00:00")]
    public void Parse_NotShapedYyyyMmDd_ThrowsNamingText(string text)
    {
        var error = Assert.Throws<FormatException>(() => Day.Parse(text));

        Assert.Equal($"'{text}' is not a date in the form YYYY-MM-DD.", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2025-02-30")]
    [InlineData("2025/01/01")]
    public void TryParse_InvalidText_ReturnsFalse(string? text)
    {
        Assert.False(Day.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_CanonicalText_ReturnsTrueAndDay()
    {
        Assert.True(Day.TryParse("2025-12-31", out var key));
        Assert.Equal(new DateOnly(2025, 12, 31), key.Date);
    }

    [Fact]
    public void ParsePathSegment_DatePrefixed_ReturnsDay()
    {
        Assert.Equal(Day.Parse("2025-01-03"), Day.ParsePathSegment("date=2025-01-03"));
    }

    [Theory]
    [InlineData("2025-01-03")]
    [InlineData("Date=2025-01-03")]
    [InlineData("dt=2025-01-03")]
    [InlineData("/date=2025-01-03")]
    public void ParsePathSegment_WithoutDatePrefix_ThrowsNamingSegment(string segment)
    {
        var error = Assert.Throws<FormatException>(() => Day.ParsePathSegment(segment));

        Assert.Equal($"'{segment}' is not a partition path segment: expected date=YYYY-MM-DD.", error.Message);
    }

    [Fact]
    public void ParsePathSegment_ImpossibleDay_ThrowsNamingDay()
    {
        var error = Assert.Throws<FormatException>(() => Day.ParsePathSegment("date=2025-02-30"));

        Assert.StartsWith("'2025-02-30' is not a calendar date", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-12-31", 1, "2025-01-01")]
    [InlineData("2024-03-01", -1, "2024-02-29")]
    [InlineData("2025-01-10", 0, "2025-01-10")]
    [InlineData("2025-01-10", -27, "2024-12-14")]
    public void AddDays_Offset_CrossesMonthAndYearBoundaries(string start, int days, string expected)
    {
        Assert.Equal(expected, Day.Parse(start).AddDays(days).ToString());
    }

    [Fact]
    public void Comparison_EarlierAndLaterDays_OrderByDate()
    {
        var earlier = Day.Parse("2024-12-31");
        var later = Day.Parse("2025-01-01");

        Assert.True(earlier < later);
        Assert.True(earlier <= later);
        Assert.True(later > earlier);
        Assert.True(later >= earlier);
        Assert.False(later < earlier);
        Assert.True(earlier.CompareTo(later) < 0);
        Assert.Equal(0, later.CompareTo((object)Day.Parse("2025-01-01")));
        Assert.True(earlier.CompareTo(null) > 0);
    }

    [Fact]
    public void CompareTo_OtherType_ThrowsArgumentException()
    {
        var key = Day.Parse("2025-01-01");

        Assert.Throws<ArgumentException>(() => key.CompareTo("2025-01-01"));
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Parse_ToStringOfAnyDay_RoundTrips(Day key)
    {
        Assert.Equal(key, Day.Parse(key.ToString()));
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void ParsePathSegment_PathSegmentOfAnyDay_RoundTrips(Day key)
    {
        Assert.Equal(key, Day.ParsePathSegment(key.PathSegment));
    }
}

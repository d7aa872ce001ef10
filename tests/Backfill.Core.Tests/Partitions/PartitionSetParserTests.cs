using Backfill.Core.Partitions;
using FsCheck.Xunit;

namespace Backfill.Core.Tests.Partitions;

public sealed class PartitionSetParserTests
{
    private static readonly PartitionSetParseOptions NoToday = new();
    private static readonly PartitionSetParseOptions Today20250302 = new() { Today = Day.Parse("2025-03-02") };

    [Fact]
    public void Parse_SingleDay_ReturnsThatDay()
    {
        Assert.Equal(["2025-01-31"], Days("2025-01-31", NoToday));
    }

    [Fact]
    public void Parse_Range_IncludesBothEnds()
    {
        Assert.Equal(["2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02"], Days("2025-01-30..2025-02-02", NoToday));
    }

    [Fact]
    public void Parse_RangeOfOneDay_ReturnsThatDay()
    {
        Assert.Equal(["2025-01-31"], Days("2025-01-31..2025-01-31", NoToday));
    }

    [Fact]
    public void Parse_LastN_ReturnsNDaysEndingAtToday()
    {
        Assert.Equal(["2025-02-28", "2025-03-01", "2025-03-02"], Days("last:3", Today20250302));
    }

    [Fact]
    public void Parse_Last1_ReturnsToday()
    {
        Assert.Equal(["2025-03-02"], Days("last:1", Today20250302));
    }

    [Fact]
    public void Parse_ExclusionBeforeInclusion_StillExcludes()
    {
        Assert.Equal(["2025-01-01", "2025-01-03"], Days("!2025-01-02,2025-01-01..2025-01-03", NoToday));
    }

    [Fact]
    public void Parse_DayExcludedAndIncludedAgainLater_StaysExcluded()
    {
        Assert.Equal(
            ["2025-02-25"],
            Days("2025-02-25..2025-03-02,!2025-02-26..2025-02-28,!last:2,2025-03-02", Today20250302));
    }

    [Fact]
    public void Parse_WhitespaceAroundTerms_IsIgnored()
    {
        Assert.Equal(
            ["2025-01-01", "2025-01-03"], Days("  2025-01-01 ,\t!2025-01-02 , 2025-01-02..2025-01-03 ", NoToday));
    }

    [Fact]
    public void Parse_OverlappingTerms_NamesEachDayOnce()
    {
        Assert.Equal(
            ["2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04"],
            Days("2025-01-01..2025-01-03,2025-01-02..2025-01-04,2025-01-03", NoToday));
    }

    [Fact]
    public void Parse_RangeOfExactlyMaxDays_IsAccepted()
    {
        var set = PartitionSetParser.Parse("2025-01-01..2025-01-10", new PartitionSetParseOptions { MaxDays = 10 });

        Assert.Equal(10, set.Count);
    }

    [Fact]
    public void Parse_OverMaxDaysBeforeExclusionsButNotAfter_IsAccepted()
    {
        var options = new PartitionSetParseOptions { MaxDays = 30 };

        var set = PartitionSetParser.Parse(
            "2025-01-01..2025-01-20,2025-02-01..2025-02-20,!2025-02-01..2025-02-15", options);

        Assert.Equal(25, set.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Parse_EmptyOrWhitespace_ThrowsEmptyExpression(string text)
    {
        var error = Assert.Throws<PartitionSetFormatException>(() => PartitionSetParser.Parse(text, NoToday));

        Assert.StartsWith("The partition set expression is empty", error.Message, StringComparison.Ordinal);
        Assert.Equal(text, error.Expression);
        Assert.Equal(text, error.Term);
    }

    [Theory]
    [InlineData("2025-01-01,,2025-01-02", 2)]
    [InlineData("2025-01-01, ,2025-01-02", 2)]
    [InlineData(",2025-01-01", 1)]
    [InlineData("2025-01-01,", 2)]
    public void Parse_EmptyTerm_ThrowsNamingTermNumber(string text, int termNumber)
    {
        var error = Assert.Throws<PartitionSetFormatException>(() => PartitionSetParser.Parse(text, NoToday));

        Assert.Equal(
            $"Term {termNumber} of the partition set expression is empty: remove the extra comma.", error.Message);
        Assert.Equal(string.Empty, error.Term);
        Assert.Equal(text, error.Expression);
    }

    [Fact]
    public void Parse_ReversedRange_ThrowsSayingStartIsAfterEnd()
    {
        const string Text = "2025-03-01,2025-02-01..2025-01-01";

        var error = Assert.Throws<PartitionSetFormatException>(() => PartitionSetParser.Parse(Text, NoToday));

        Assert.Equal(
            "Range '2025-02-01..2025-01-01' is reversed: start 2025-02-01 is after end 2025-01-01.", error.Message);
        Assert.Equal("2025-02-01..2025-01-01", error.Term);
        Assert.Equal(Text, error.Expression);
    }

    [Fact]
    public void Parse_ImpossibleDay_ThrowsNamingDayAndReason()
    {
        var error = Assert.Throws<PartitionSetFormatException>(
            () => PartitionSetParser.Parse("2025-01-01,2025-02-30", NoToday));

        Assert.Equal("'2025-02-30' is not a calendar date: February 2025 has 28 days.", error.Message);
        Assert.Equal("2025-02-30", error.Term);
    }

    [Fact]
    public void Parse_ImpossibleDayAsRangeEnd_ThrowsNamingRangeAndDay()
    {
        var error = Assert.Throws<PartitionSetFormatException>(
            () => PartitionSetParser.Parse("2025-02-01..2025-02-30", NoToday));

        Assert.Equal(
            "Range '2025-02-01..2025-02-30': '2025-02-30' is not a calendar date: February 2025 has 28 days.",
            error.Message);
        Assert.Equal("2025-02-01..2025-02-30", error.Term);
    }

    [Fact]
    public void Parse_ImpossibleDayInExclusion_ThrowsWithExclusionAsTerm()
    {
        var error = Assert.Throws<PartitionSetFormatException>(
            () => PartitionSetParser.Parse("2025-02-01..2025-02-28, !2025-02-30", NoToday));

        Assert.Equal("'2025-02-30' is not a calendar date: February 2025 has 28 days.", error.Message);
        Assert.Equal("!2025-02-30", error.Term);
    }

    [Fact]
    public void Parse_LastNWithoutToday_ThrowsSayingTodayIsMissing()
    {
        var error = Assert.Throws<PartitionSetFormatException>(() => PartitionSetParser.Parse("last:7", NoToday));

        Assert.Equal("'last:7' counts back from today, but the parser was given no today.", error.Message);
        Assert.Equal("last:7", error.Term);
    }

    [Theory]
    [InlineData("last:0")]
    [InlineData("last:00")]
    [InlineData("last:-1")]
    [InlineData("last:+7")]
    [InlineData("last:")]
    [InlineData("last:abc")]
    [InlineData("last:1.5")]
    [InlineData("last: 7")]
    public void Parse_LastNWithNotPositiveWholeNumber_ThrowsNamingTerm(string term)
    {
        var error = Assert.Throws<PartitionSetFormatException>(() => PartitionSetParser.Parse(term, Today20250302));

        Assert.Equal($"'{term}' needs N to be a whole number of days, at least 1, e.g. last:7.", error.Message);
        Assert.Equal(term, error.Term);
    }

    [Fact]
    public void Parse_RangeOverDefaultMaxDays_ThrowsNamingCountAndMax()
    {
        var error = Assert.Throws<PartitionSetFormatException>(
            () => PartitionSetParser.Parse("2015-01-01..2025-12-31", NoToday));

        Assert.Equal("Range '2015-01-01..2025-12-31' has 4018 days; at most 3660 are allowed.", error.Message);
        Assert.Equal("2015-01-01..2025-12-31", error.Term);
    }

    [Fact]
    public void Parse_ExcludedRangeOverMaxDays_ThrowsNamingCountAndMax()
    {
        var options = new PartitionSetParseOptions { MaxDays = 30 };

        var error = Assert.Throws<PartitionSetFormatException>(
            () => PartitionSetParser.Parse("2025-01-01..2025-01-10,!2025-01-01..2025-01-31", options));

        Assert.Equal("Range '2025-01-01..2025-01-31' has 31 days; at most 30 are allowed.", error.Message);
        Assert.Equal("!2025-01-01..2025-01-31", error.Term);
    }

    [Fact]
    public void Parse_SetOverMaxDays_ThrowsNamingCountAndMax()
    {
        const string Text = "2025-01-01..2025-01-20,2025-02-01..2025-02-20";

        var error = Assert.Throws<PartitionSetFormatException>(
            () => PartitionSetParser.Parse(Text, new PartitionSetParseOptions { MaxDays = 30 }));

        Assert.Equal($"'{Text}' has 40 days; at most 30 are allowed.", error.Message);
        Assert.Equal(Text, error.Term);
    }

    [Theory]
    [InlineData("last:3661", "3661")]
    [InlineData("last:99999999999", "99999999999")]
    public void Parse_LastNOverMaxDays_ThrowsNamingCountAndMax(string term, string count)
    {
        var error = Assert.Throws<PartitionSetFormatException>(() => PartitionSetParser.Parse(term, Today20250302));

        Assert.Equal($"'{term}' has {count} days; at most 3660 are allowed.", error.Message);
    }

    [Fact]
    public void Parse_LastNReachingBeforeFirstDay_Throws()
    {
        var options = new PartitionSetParseOptions { Today = Day.Parse("0001-01-05") };

        var error = Assert.Throws<PartitionSetFormatException>(() => PartitionSetParser.Parse("last:6", options));

        Assert.Equal("'last:6' reaches back before 0001-01-01.", error.Message);
    }

    [Fact]
    public void Parse_ExclusionsRemoveEveryDay_ThrowsNamesNoDays()
    {
        const string Text = "2025-01-01..2025-01-02,!2025-01-02,!2025-01-01";

        var error = Assert.Throws<PartitionSetFormatException>(() => PartitionSetParser.Parse(Text, NoToday));

        Assert.Equal($"'{Text}' names no days: its exclusions remove every included day.", error.Message);
        Assert.Equal(Text, error.Term);
    }

    [Fact]
    public void Parse_OnlyExclusions_ThrowsSayingNothingIsIncluded()
    {
        const string Text = "!2025-01-01,!2025-01-05..2025-01-06";

        var error = Assert.Throws<PartitionSetFormatException>(() => PartitionSetParser.Parse(Text, NoToday));

        Assert.StartsWith(
            $"'{Text}' only excludes days: name the days to include too", error.Message, StringComparison.Ordinal);
        Assert.Equal(Text, error.Term);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2025/01/01")]
    [InlineData("2025-1-1")]
    [InlineData("LAST:7")]
    [InlineData("20250101")]
    [InlineData("!")]
    public void Parse_GarbageTerm_ThrowsNamingTermAndTheFormsAllowed(string term)
    {
        var error = Assert.Throws<PartitionSetFormatException>(
            () => PartitionSetParser.Parse($"2025-01-01,{term}", Today20250302));

        var body = term.TrimStart('!');
        Assert.Equal(
            $"'{body}' is not a day (YYYY-MM-DD), a range (YYYY-MM-DD..YYYY-MM-DD) or last:N.", error.Message);
        Assert.Equal(term, error.Term);
    }

    [Theory]
    [InlineData("2025-01-01...2025-01-02", "end '.2025-01-02'")]
    [InlineData("2025-01-01..", "end ''")]
    [InlineData("..2025-01-02", "start ''")]
    [InlineData("2025-01-01 .. 2025-01-02", "start '2025-01-01 '")]
    [InlineData("2025-01-01..2025-01-02..2025-01-03", "end '2025-01-02..2025-01-03'")]
    public void Parse_MalformedRange_ThrowsNamingBadEnd(string term, string badPart)
    {
        var error = Assert.Throws<PartitionSetFormatException>(() => PartitionSetParser.Parse(term, NoToday));

        Assert.Equal($"Range '{term}': {badPart} is not a date in the form YYYY-MM-DD.", error.Message);
        Assert.Equal(term, error.Term);
    }

    [Fact]
    public void Parse_DoubleExclusion_ThrowsNamingTerm()
    {
        var error = Assert.Throws<PartitionSetFormatException>(
            () => PartitionSetParser.Parse("2025-01-01,!!2025-01-01", NoToday));

        Assert.StartsWith("'!2025-01-01' is not a day", error.Message, StringComparison.Ordinal);
        Assert.Equal("!!2025-01-01", error.Term);
    }

    [Fact]
    public void Parse_FormatException_IsAFormatException()
    {
        Assert.ThrowsAny<FormatException>(() => PartitionSetParser.Parse("yesterday", NoToday));
    }

    [Fact]
    public void Options_MaxDaysBelowOne_ThrowsNamingMaxDays()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PartitionSetParseOptions { MaxDays = 0 });

        Assert.Equal("MaxDays", error.ParamName);
    }

    [Fact]
    public void Options_Default_AllowsTenYearsOfDays()
    {
        Assert.Equal(3_660, new PartitionSetParseOptions().MaxDays);
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Parse_AnyRange_ReturnsEveryDayFromStartToEnd(RangeCase range)
    {
        var set = PartitionSetParser.Parse(range.Expression, NoToday);

        Assert.Equal(range.End.Date.DayNumber - range.Start.Date.DayNumber + 1, set.Count);
        Assert.Equal(range.Start, set.First);
        Assert.Equal(range.End, set.Last);
    }

    private static string[] Days(string text, PartitionSetParseOptions options) =>
        [.. PartitionSetParser.Parse(text, options).Select(day => day.ToString())];
}

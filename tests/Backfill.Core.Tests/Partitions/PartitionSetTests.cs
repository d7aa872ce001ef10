using Backfill.Core.Partitions;
using FsCheck.Xunit;

namespace Backfill.Core.Tests.Partitions;

public sealed class PartitionSetTests
{
    private static readonly PartitionSetParseOptions Options = new();

    [Fact]
    public void Constructor_UnsortedDaysWithDuplicates_SortsAndDeduplicates()
    {
        var set = Set("2025-01-03", "2025-01-01", "2025-01-03", "2025-01-02");

        Assert.Equal(["2025-01-01", "2025-01-02", "2025-01-03"], set.Select(day => day.ToString()));
        Assert.Equal(3, set.Count);
        Assert.Equal(Day.Parse("2025-01-01"), set.First);
        Assert.Equal(Day.Parse("2025-01-03"), set.Last);
    }

    [Fact]
    public void Constructor_NoDays_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => new PartitionSet([]));

        Assert.Equal("days", error.ParamName);
        Assert.StartsWith("A partition set names at least one day.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contains_DayInAndOutOfSet_AnswersMembership()
    {
        var set = Set("2025-01-01", "2025-01-05");

        Assert.True(set.Contains(Day.Parse("2025-01-05")));
        Assert.False(set.Contains(Day.Parse("2025-01-03")));
        Assert.False(set.Contains(Day.Parse("2025-01-06")));
    }

    [Fact]
    public void ToExpression_RunsAndSingles_MergesRunsIntoRanges()
    {
        var set = Set("2025-01-08", "2025-01-01", "2025-01-02", "2025-01-03", "2025-01-05", "2025-01-07");

        Assert.Equal("2025-01-01..2025-01-03,2025-01-05,2025-01-07..2025-01-08", set.ToExpression());
    }

    [Fact]
    public void ToExpression_SingleDay_IsThatDay()
    {
        Assert.Equal("2025-01-05", Set("2025-01-05").ToExpression());
    }

    [Fact]
    public void ToExpression_RunAcrossLeapDayAndYearEnd_IsOneRange()
    {
        Assert.Equal("2024-02-28..2024-03-01", Set("2024-02-28", "2024-02-29", "2024-03-01").ToExpression());
        Assert.Equal("2024-12-31..2025-01-01", Set("2024-12-31", "2025-01-01").ToExpression());
    }

    [Fact]
    public void ToString_AnySet_IsExpression()
    {
        Assert.Equal("2025-01-01..2025-01-02,2025-01-09", Set("2025-01-01", "2025-01-02", "2025-01-09").ToString());
    }

    [Fact]
    public void Equals_SameDaysGivenDifferently_AreEqualWithSameHash()
    {
        var first = Set("2025-01-02", "2025-01-01");
        var second = Set("2025-01-01", "2025-01-02", "2025-01-01");

        Assert.True(first.Equals(second));
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentDays_AreNotEqual()
    {
        Assert.False(Set("2025-01-01").Equals(Set("2025-01-01", "2025-01-02")));
        Assert.False(Set("2025-01-01").Equals(null));
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Parse_ExpressionOfAnySet_ReturnsEqualSet(PartitionSet set)
    {
        var parsed = PartitionSetParser.Parse(set.ToExpression(), Options);

        Assert.Equal(set, parsed);
        Assert.Equal(set.Count, parsed.Count);
    }

    private static PartitionSet Set(params string[] days) => new(days.Select(Day.Parse));
}

using Backfill.Core.Partitions;
using Backfill.Core.Reports;

namespace Backfill.Core.Tests.Reports;

public sealed class ReportRangeTests
{
    private static Day Day(string text) => Core.Partitions.Day.Parse(text);

    [Theory]
    [InlineData("2025-01-10", "2025-01-14", "2025-01-01", "2025-01-31")]
    [InlineData("2025-01-30", "2025-02-02", "2025-01-01", "2025-02-28")]
    [InlineData("2024-02-29", "2024-02-29", "2024-02-01", "2024-02-29")]
    [InlineData("2024-12-31", "2025-01-01", "2024-12-01", "2025-01-31")]
    public void Default_ABackfillsDays_AreShownAgainstTheirWholeMonths(string first, string last, string from, string to)
    {
        Assert.Equal(new ReportRange(Day(from), Day(to)), ReportRange.Default(Day(first), Day(last)));
    }

    [Fact]
    public void Default_MonthsLongerThanTheLimit_KeepTheLastMaxDays()
    {
        var range = ReportRange.Default(Day("2020-01-05"), Day("2025-03-02"));

        Assert.Equal((Day("2025-03-31"), ReportRange.MaxDays), (range.To, range.Days));
    }

    [Theory]
    [InlineData("2025-01-10", "2025-01-09")]
    [InlineData("2024-01-01", "2025-01-01")]
    public void Requested_BackwardsOrTooLong_SaysWhy(string from, string to)
    {
        var (range, error) = ReportRange.Requested(Day(from), Day(to));

        Assert.Null(range);
        Assert.Contains($"{from}..{to}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Requested_AYear_IsAccepted()
    {
        var (range, error) = ReportRange.Requested(Day("2024-01-01"), Day("2024-12-31"));

        Assert.Equal((366, null), (range!.Days, error));
        Assert.Equal(366, range.EachDay().Distinct().Count());
    }
}

using Backfill.Core.Partitions;
using Backfill.Core.Pointers;
using Backfill.Core.Validation;

namespace Backfill.Core.Tests.Pointers;

public sealed class CompletenessTests
{
    private static Day Day(int d) => new(new DateOnly(2025, 1, d));

    [Fact]
    public void Check_EveryDayCommittedAndPassed_IsComplete()
    {
        var committed = new Dictionary<Day, ValidationStatus?> { [Day(1)] = ValidationStatus.Pass, [Day(2)] = ValidationStatus.Warn };

        var report = Completeness.Check([Day(2), Day(1)], committed);

        Assert.True(report.IsComplete);
        Assert.Equal([Day(1), Day(2)], report.Required);
    }

    [Fact]
    public void Check_MissingAndFailedDays_AreListedAscending()
    {
        var committed = new Dictionary<Day, ValidationStatus?>
        {
            [Day(1)] = ValidationStatus.Pass,
            [Day(3)] = ValidationStatus.Fail,
            [Day(4)] = null,
        };

        var report = Completeness.Check([Day(5), Day(4), Day(3), Day(2), Day(1)], committed);

        Assert.False(report.IsComplete);
        Assert.Equal([Day(2), Day(5)], report.Missing);
        Assert.Equal([Day(3), Day(4)], report.Failed.Select(f => f.Day));
        Assert.Contains("failed validation", report.Failed[0].Reason, StringComparison.Ordinal);
        Assert.Contains("no validation recorded", report.Failed[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredDays_CurrentVersionWithAGapAndALaterWatermark_IsEveryDayFromItsFirstToTheWatermark()
    {
        var required = Completeness.RequiredDays([Day(3), Day(1), Day(5)], Day(7));

        Assert.Equal([Day(1), Day(2), Day(3), Day(4), Day(5), Day(6), Day(7)], required);
    }

    [Fact]
    public void RequiredDays_NoWatermarkOrAnEarlierOne_EndsAtTheLastCommittedDay()
    {
        Assert.Equal([Day(2), Day(3), Day(4)], Completeness.RequiredDays([Day(2), Day(4)], null));
        Assert.Equal([Day(2), Day(3), Day(4)], Completeness.RequiredDays([Day(2), Day(4)], Day(3)));
        Assert.Empty(Completeness.RequiredDays([], null));
    }
}

using Backfill.Core.Partitions;
using Backfill.Core.Pointers;

namespace Backfill.Core.Tests.Pointers;

public sealed class CanarySampleTests
{
    private static readonly Day First = Day.Parse("2025-01-01");

    private static List<Day> Days(int count) => [.. Enumerable.Range(0, count).Select(i => First.AddDays(i))];

    [Fact]
    public void Choose_ThirtyDays_TakesTheThreeNewestAndTwoOlderDistinctDays()
    {
        var days = Days(30);

        var sample = CanarySample.Choose(days, seed: 4);

        Assert.Equal(5, sample.Count);
        Assert.Equal(sample.Order(), sample);
        Assert.Equal(5, sample.Distinct().Count());
        Assert.Equal(days.TakeLast(3), sample.TakeLast(3));
        Assert.All(sample.Take(2), day => Assert.True(day < days[27]));
    }

    [Fact]
    public void Choose_SameSeed_SameDays_OtherSeeds_VaryTheRandomPart()
    {
        var days = Days(60);

        var first = CanarySample.Choose(days, seed: 7);
        var again = CanarySample.Choose(days.AsEnumerable().Reverse(), seed: 7);
        var others = Enumerable.Range(0, 20).Select(seed => string.Join(",", CanarySample.Choose(days, seed))).Distinct().Count();

        Assert.Equal(first, again);
        Assert.True(others > 1, "different seeds draw different older days");
    }

    [Fact]
    public void Choose_FewerDaysThanTheSample_TakesEveryDay()
    {
        var days = Days(4);

        Assert.Equal(days, CanarySample.Choose(days.Concat(days), seed: 1));
        Assert.Empty(CanarySample.Choose([], seed: 1));
    }
}

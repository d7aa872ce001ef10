using System.Globalization;
using Backfill.Core.Daily;
using Backfill.Core.Layers;
using Backfill.Core.Partitions;

namespace Backfill.Core.Tests.Daily;

public sealed class DailyPlannerTests
{
    // Watermark of this run with the default lag: 2025-03-07.
    private static readonly DateTimeOffset RunTime = DateTimeOffset.Parse("2025-03-09T02:00:00Z", CultureInfo.InvariantCulture);
    private static readonly DailyOptions Defaults = new();
    private static readonly LayerDependencies Window7 = new();

    [Fact]
    public void Create_SteadyState_BuildsWatermarkAndRollsThreeDaysBefore()
    {
        var plan = DailyPlanner.Create(RunTime, Day("2025-03-06"), [], Defaults, Window7);

        Assert.Equal(Day("2025-03-07"), plan.Watermark);
        Assert.Empty(plan.CatchupDays);
        Assert.Equal(Days("2025-03-04", "2025-03-05", "2025-03-06"), plan.RollingDays);

        // Each rolling staging day invalidates features X..X+6; of those only the published ones before the
        // watermark (which is built in full anyway) are rebuilt.
        Assert.Equal(Days("2025-03-04", "2025-03-05", "2025-03-06"), plan.InvalidatedFeaturesDays);
    }

    [Fact]
    public void Create_SevenRunsMissed_CatchesUpEveryMissedDayOldestFirst()
    {
        var plan = DailyPlanner.Create(RunTime, Day("2025-02-28"), [], Defaults, Window7);

        Assert.Equal(
            Days("2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06"), plan.CatchupDays);
        Assert.Equal(Day("2025-03-07"), plan.Watermark);

        // The rolling days are being built in full by catchup, and no later features day was published.
        Assert.Empty(plan.RollingDays);
        Assert.Empty(plan.InvalidatedFeaturesDays);
    }

    [Fact]
    public void Create_FailedDayBehindCommittedDays_RetriesOnlyTheGapAndRebuildsFeaturesReadingIt()
    {
        var committedAfterGap = Days("2025-02-27", "2025-02-28", "2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06");

        var plan = DailyPlanner.Create(RunTime, Day("2025-02-25"), committedAfterGap, Defaults, Window7);

        Assert.Equal(Days("2025-02-26"), plan.CatchupDays);
        Assert.Equal(Days("2025-03-04", "2025-03-05", "2025-03-06"), plan.RollingDays);

        // staging(02-26) invalidates features 02-26..03-04; the rolling days add 03-05 and 03-06.
        Assert.Equal(committedAfterGap, plan.InvalidatedFeaturesDays);
    }

    [Fact]
    public void Create_CatchupOff_ProcessesOnlyWatermarkAndRollingDays()
    {
        var plan = DailyPlanner.Create(RunTime, Day("2025-02-28"), [], Defaults with { Catchup = false }, Window7);

        Assert.Empty(plan.CatchupDays);
        Assert.Equal(Days("2025-03-04", "2025-03-05", "2025-03-06"), plan.RollingDays);

        // Nothing after 02-28 was published, so no features day needs a rebuild.
        Assert.Empty(plan.InvalidatedFeaturesDays);
    }

    [Fact]
    public void Create_NoCommittedWatermarkYet_HasNoCatchup()
    {
        var plan = DailyPlanner.Create(RunTime, null, Days("2025-03-06"), Defaults, Window7);

        Assert.Empty(plan.CatchupDays);
        Assert.Equal(Days("2025-03-04", "2025-03-05", "2025-03-06"), plan.RollingDays);
        Assert.Equal(Days("2025-03-06"), plan.InvalidatedFeaturesDays);
    }

    [Fact]
    public void Create_RollingOff_HasNoRollingOrInvalidatedDays()
    {
        var plan = DailyPlanner.Create(RunTime, Day("2025-03-06"), [], Defaults with { RollingDays = 0 }, Window7);

        Assert.Empty(plan.RollingDays);
        Assert.Empty(plan.InvalidatedFeaturesDays);
    }

    [Fact]
    public void Create_SevenRollingDaysShortWindow_InvalidatesOnlyPublishedDaysUpToWatermark()
    {
        var options = Defaults with { RollingDays = 7, LagDays = 1 };

        var plan = DailyPlanner.Create(RunTime, Day("2025-03-07"), [], options, new LayerDependencies(2));

        Assert.Equal(Day("2025-03-08"), plan.Watermark);
        Assert.Equal(
            Days("2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07"),
            plan.RollingDays);
        Assert.Equal(plan.RollingDays, plan.InvalidatedFeaturesDays);
    }

    [Fact]
    public void Create_RerunOfCommittedDay_HasNoCatchup()
    {
        var plan = DailyPlanner.Create(RunTime, Day("2025-03-07"), [], Defaults, Window7);

        Assert.Equal(Day("2025-03-07"), plan.Watermark);
        Assert.Empty(plan.CatchupDays);
        Assert.Equal(Days("2025-03-04", "2025-03-05", "2025-03-06"), plan.RollingDays);
    }

    private static Day Day(string text) => Core.Partitions.Day.Parse(text);

    private static Day[] Days(params string[] texts) => [.. texts.Select(Day)];
}

using System.Globalization;
using Backfill.Core.Daily;
using Backfill.Core.Landing;
using Backfill.Core.Layers;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;

namespace Backfill.Core.Tests.Daily;

public sealed class DailyStepsTests
{
    private static readonly DateTimeOffset RunTime = DateTimeOffset.Parse("2025-03-09T02:00:00Z", CultureInfo.InvariantCulture);
    private static readonly LayerDependencies Window7 = new();

    [Fact]
    public void Of_SteadyState_BuildsWatermarkInFullAndMergesRollingDaysWithTheirFeatures()
    {
        var plan = DailyPlanner.Create(RunTime, Day("2025-03-06"), [], new DailyOptions(), Window7);

        var steps = DailySteps.Of(plan, [], day => day <= Day("2025-03-06"), Window7);

        Assert.Equal(
            [
                new DailyStep(Day("2025-03-04"), RunTrigger.Rolling, true, true, true),
                new DailyStep(Day("2025-03-05"), RunTrigger.Rolling, true, true, true),
                new DailyStep(Day("2025-03-06"), RunTrigger.Rolling, true, true, true),
                new DailyStep(Day("2025-03-07"), RunTrigger.Daily, false, true, true),
            ],
            steps);
    }

    [Fact]
    public void Of_Catchup_OverwritesMissedDaysOldestFirstAndOnlyTheyAndTheWatermarkAdvanceIt()
    {
        var plan = DailyPlanner.Create(RunTime, Day("2025-03-03"), [], new DailyOptions(), Window7);

        var steps = DailySteps.Of(plan, [], day => day <= Day("2025-03-03"), Window7);

        var full = steps.Where(s => s.BuildsUpstream && !s.Merge).ToList();
        Assert.Equal(Days("2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07"), full.Select(s => s.Day));
        Assert.All(full, s => Assert.True(s.AdvancesWatermark && s.BuildsFeatures));
        Assert.Equal(Days("2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07"), steps.Where(s => s.AdvancesWatermark).Select(s => s.Day));
        Assert.Equal(steps.Select(s => s.Day).Order(), steps.Select(s => s.Day));
    }

    [Fact]
    public void Of_RepairDay_MergesItsUpstreamAndRebuildsTheCommittedFeaturesItFeeds()
    {
        var plan = DailyPlanner.Create(RunTime, Day("2025-03-06"), [], new DailyOptions(), Window7);

        var steps = DailySteps.Of(plan, [Day("2025-02-25")], day => day <= Day("2025-03-06"), Window7);

        Assert.Contains(new DailyStep(Day("2025-02-25"), RunTrigger.Repair, true, true, true), steps);

        // staging(02-25) feeds features 02-25..03-03; none of them is built otherwise by this run.
        Assert.Equal(
            Days("2025-02-26", "2025-02-27", "2025-02-28", "2025-03-01", "2025-03-02", "2025-03-03"),
            steps.Where(s => s.Trigger == RunTrigger.Repair && !s.BuildsUpstream).Select(s => s.Day));
        Assert.All(steps.Where(s => s.Trigger == RunTrigger.Repair), s => Assert.False(s.AdvancesWatermark));
    }

    [Fact]
    public void Of_RepairDayAlreadyInTheRollingWindow_IsNotBuiltTwice()
    {
        var plan = DailyPlanner.Create(RunTime, Day("2025-03-06"), [], new DailyOptions(), Window7);

        var steps = DailySteps.Of(plan, [Day("2025-03-05")], day => day <= Day("2025-03-06"), Window7);

        Assert.Single(steps, s => s.Day == Day("2025-03-05"));
        Assert.DoesNotContain(steps, s => s.Trigger == RunTrigger.Repair);
    }

    [Fact]
    public void Create_LongOutage_CatchesUpOnlyTheOldestMaxCatchupDays()
    {
        var plan = DailyPlanner.Create(RunTime, Day("2025-01-31"), [], new DailyOptions { MaxCatchupDays = 5 }, Window7);

        Assert.Equal(Days("2025-02-01", "2025-02-02", "2025-02-03", "2025-02-04", "2025-02-05"), plan.CatchupDays);
        Assert.Equal(Day("2025-03-07"), plan.Watermark);
    }

    [Fact]
    public void MaxCatchupDays_BelowOne_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DailyOptions { MaxCatchupDays = 0 });

    [Fact]
    public void DaysToScan_DefaultWindow_AreTheFiveDaysBeforeTheRollingWindow()
    {
        var days = BeyondWindow.DaysToScan(Day("2025-03-07"), 3, ArrivalWindow.Default);

        Assert.Equal(Days("2025-02-27", "2025-02-28", "2025-03-01", "2025-03-02", "2025-03-03"), days);
    }

    private static Day Day(string text) => Core.Partitions.Day.Parse(text);

    private static Day[] Days(params string[] texts) => [.. texts.Select(Day)];
}

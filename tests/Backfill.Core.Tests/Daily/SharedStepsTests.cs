using Backfill.Core.Daily;
using Backfill.Core.Layers;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;

namespace Backfill.Core.Tests.Daily;

public sealed class SharedStepsTests
{
    private static Day Day(int d) => new(new DateOnly(2025, 2, d));

    [Fact]
    public void Upstream_DayOneVersionBuildsInFullAndAnotherMerges_IsBuiltOnceInFull()
    {
        IReadOnlyList<DailyStep> live = [new(Day(8), RunTrigger.Rolling, true, true, false), new(Day(11), RunTrigger.Daily, false, true, true)];
        IReadOnlyList<DailyStep> candidate = [new(Day(8), RunTrigger.Catchup, false, true, true), new(Day(11), RunTrigger.Daily, false, true, true)];

        var upstream = SharedSteps.Upstream([live, candidate]);

        Assert.Equal(
            [new DailyStep(Day(8), RunTrigger.Catchup, false, true, false), new DailyStep(Day(11), RunTrigger.Daily, false, true, false)],
            upstream);
    }

    [Fact]
    public void Features_StagingRebuiltForAnotherVersion_RebuildsTheCommittedDaysThatReadIt()
    {
        IReadOnlyList<DailyStep> own = [new(Day(11), RunTrigger.Daily, false, true, true)];
        IReadOnlyList<DailyStep> upstream = [new(Day(7), RunTrigger.Repair, true, true, false), new(Day(11), RunTrigger.Daily, false, true, false)];

        var features = SharedSteps.Features(own, upstream, Day(11), day => day <= Day(9), new LayerDependencies(3));

        Assert.Equal(
            [
                new DailyStep(Day(7), RunTrigger.Repair, false, false, true),
                new DailyStep(Day(8), RunTrigger.Repair, false, false, true),
                new DailyStep(Day(9), RunTrigger.Repair, false, false, true),
                new DailyStep(Day(11), RunTrigger.Daily, false, true, true),
            ],
            features);
    }
}

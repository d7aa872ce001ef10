using Backfill.Core.Building;
using Backfill.Core.Daily;
using Backfill.Core.Events;
using Backfill.Core.Landing;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;

namespace Backfill.Core.Tests.Daily;

public sealed class LateDataDayTests
{
    private static readonly Day Day = Day.Parse("2025-03-01");
    private static readonly DateTimeOffset First = new(2025, 3, 3, 2, 0, 0, TimeSpan.Zero);
    private static readonly LandedCounts Landed = new(90, 6, 3, 1, 2, 1);

    [Fact]
    public void Record_FirstBuildThenRollingThenRepair_CountsEachAddedEventOnceUnderItsKind()
    {
        var first = LateDataDay.Record(null, Day, RunTrigger.Daily, Landed, 96, First);
        var rolled = LateDataDay.Record(first, Day, RunTrigger.Rolling, Landed, 99, First.AddDays(1));
        var rolledAgain = LateDataDay.Record(rolled, Day, RunTrigger.Rolling, Landed, 99, First.AddDays(2));
        var repaired = LateDataDay.Record(rolledAgain with { BeyondWatermarkPending = 1 }, Day, RunTrigger.Repair, Landed, 100, First.AddDays(4));

        Assert.Equal((96, 0, 0), (first.IncludedAtFirstProcessing, first.PickedUpByRolling, first.RepairedAfterWindow));
        Assert.Equal(3, rolled.PickedUpByRolling);
        Assert.Equal(3, rolledAgain.PickedUpByRolling);
        Assert.Equal((96, 3, 1, 0), (repaired.IncludedAtFirstProcessing, repaired.PickedUpByRolling, repaired.RepairedAfterWindow, repaired.BeyondWatermarkPending));
        Assert.Equal(Landed.Unique, repaired.IncludedAtFirstProcessing + repaired.PickedUpByRolling + repaired.RepairedAfterWindow);
    }

    [Fact]
    public void Record_StagingShrankUnderAnOverwrite_AddsNothing()
    {
        var first = LateDataDay.Record(null, Day, RunTrigger.Daily, Landed, 96, First);

        var after = LateDataDay.Record(first, Day, RunTrigger.Rolling, Landed, 90, First.AddDays(1));

        Assert.Equal(0, after.PickedUpByRolling);
        Assert.Equal(90, after.Included);
    }

    [Fact]
    public void Record_BackfillAfterDailyBuilds_UpdatesWhatLandedWithoutCountingADailyPickup()
    {
        var first = LateDataDay.Record(null, Day, RunTrigger.Daily, Landed, 96, First);

        var backfilled = LateDataDay.Record(first, Day, RunTrigger.Backfill, Landed, 100, First.AddDays(30));

        Assert.Equal((96, 0, 0, 0), (backfilled.IncludedAtFirstProcessing, backfilled.PickedUpByRolling, backfilled.RepairedAfterWindow, backfilled.BeyondWatermarkPending));
        Assert.Equal((100, First.AddDays(30)), (backfilled.Included, backfilled.LastProcessedAt));
    }

    [Fact]
    public void Record_FirstBuildByABackfill_CountsEverythingAsIncludedAtFirstProcessing()
    {
        var first = LateDataDay.Record(null, Day, RunTrigger.Backfill, Landed, 100, First.AddDays(30));

        Assert.Equal((100, 0, 100), (first.IncludedAtFirstProcessing, first.PickedUpByRolling, first.Included));
    }

    [Fact]
    public void LandedCounts_Of_BandsByFirstArrivalAndCountsDuplicatesAndMalformed()
    {
        string Line(string id, string time) =>
            EventLine.Format(new Event(id, "u1", DateTime.Parse(time, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal), EventType.Click, null, null));
        LandedLine At(string arrival, string text) =>
            new(DateTime.SpecifyKind(DateTime.Parse(arrival, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc), "f", 1, text);
        var lines = new[]
        {
            At("2025-03-01T10:00:00", Line("a", "2025-03-01T09:00:00Z")),
            At("2025-03-02T05:00:00", Line("b", "2025-03-01T23:00:00Z")),
            At("2025-03-03T01:00:00", Line("c", "2025-03-01T12:00:00Z")),
            At("2025-03-04T07:00:00", Line("d", "2025-03-01T12:00:00Z")),

            // A late duplicate of an on-time event stays on time; the copy is counted as a duplicate.
            At("2025-03-04T08:00:00", Line("a", "2025-03-01T09:00:00Z")),
            At("2025-03-01T11:00:00", "{not json"),
        };

        var counts = LandedCounts.Of(Day, RawBuilder.Build(Day, DateTime.MaxValue, lines));

        Assert.Equal(new LandedCounts(1, 1, 1, 1, 1, 1), counts);
        Assert.Equal(4, counts.Unique);
    }
}

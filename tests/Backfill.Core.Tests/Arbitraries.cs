using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using Backfill.Core.Tests.Partitions;
using Backfill.Core.Tests.Planning;
using FsCheck;
using FsCheck.Fluent;

namespace Backfill.Core.Tests;

/// <summary>FsCheck generators for the core's types, registered with <c>[Property(Arbitrary = ...)]</c>.</summary>
public static class Arbitraries
{
    private static readonly int Year1900 = new DateOnly(1900, 1, 1).DayNumber;
    private static readonly int Year2200 = new DateOnly(2200, 1, 1).DayNumber;

    /// <summary>Any day the calendar type can hold, 0001-01-01 to 9999-12-31.</summary>
    public static Arbitrary<Day> Days() =>
        Gen.Choose(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber).Select(Key).ToArbitrary();

    /// <summary>
    /// Sets of scattered runs of days within about eight years, so both runs of consecutive days and gaps
    /// occur, and the whole set stays under the default maximum of days.
    /// </summary>
    public static Arbitrary<PartitionSet> PartitionSet() =>
        DaySets(maxOffset: 3_000, maxRunDays: 30).ToArbitrary();

    /// <summary>Inclusive ranges of 1 to the default maximum of days, anywhere in the calendar.</summary>
    public static Arbitrary<RangeCase> RangeCase() =>
        (from days in Gen.Choose(1, PartitionSetParseOptions.DefaultMaxDays)
         from start in Gen.Choose(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber - days + 1)
         select new RangeCase(Key(start), Key(start + days - 1)))
        .ToArbitrary();

    /// <summary>Work items of every layer on any day.</summary>
    public static Arbitrary<WorkItem> WorkItem() =>
        (from layer in Gen.Elements(Enum.GetValues<Layer>())
         from day in Days().Generator
         select new WorkItem(layer, day))
        .ToArbitrary();

    /// <summary>
    /// Small plans: a few weeks of days with gaps, a non-empty choice of layers (duplicates allowed), a
    /// feature window that is sometimes longer than the days, and either order.
    /// </summary>
    public static Arbitrary<PlanCase> PlanCase() =>
        (from days in DaySets(maxOffset: 40, maxRunDays: 10)
         from layers in Gen.NonEmptyListOf(Gen.Elements(Enum.GetValues<Layer>()))
         from window in Gen.Choose(1, 30)
         from order in Gen.Elements(PartitionOrder.Ascending, PartitionOrder.Descending)
         select new PlanCase(days, [.. layers], new LayerDependencies(window), order))
        .ToArbitrary();

    /// <summary>
    /// Requests over random lakes: a small plan case, a reprocess mode, and for every requested partition one of the
    /// states a lake can leave it in (committed, failed, missing, stale).
    /// </summary>
    public static Arbitrary<LakeCase> LakeCase() =>
        (from request in PlanCase().Generator
         from mode in Gen.Elements(Enum.GetValues<ReprocessMode>())
         let items = request.Layers.Distinct().SelectMany(layer => request.Days.Select(day => new WorkItem(layer, day))).ToArray()
         from states in Gen.ArrayOf(Gen.Elements(PartitionState.Committed, PartitionState.Failed, PartitionState.Missing, PartitionState.Stale), items.Length)
         select new LakeCase(request, mode, items.Zip(states).ToDictionary(p => p.First, p => p.Second)))
        .ToArbitrary();

    private static Gen<PartitionSet> DaySets(int maxOffset, int maxRunDays) =>
        from start in Gen.Choose(Year1900, Year2200)
        from runs in Gen.NonEmptyListOf(Gen.Zip(Gen.Choose(0, maxOffset), Gen.Choose(1, maxRunDays)))
        select new PartitionSet(runs.SelectMany(run => Enumerable.Range(start + run.Item1, run.Item2)).Select(Key));

    private static Day Key(int dayNumber) => new(DateOnly.FromDayNumber(dayNumber));
}

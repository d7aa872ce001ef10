using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using FsCheck.Xunit;

namespace Backfill.Core.Tests.Planning;

public sealed class ReprocessTests
{
    private static readonly Layer[] AllLayers = [Layer.Raw, Layer.Staging, Layer.Features];

    private static WorkItem Item(Layer layer, string day) => new(layer, Day.Parse(day));

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public void Select_AnyLake_PlansExactlyThePartitionsInTheModesStateAndWhatReadsThemInTheRequest(LakeCase lake)
    {
        var request = lake.Request;

        var chosen = Reprocess.Select(lake.Mode, request.Days, request.Layers, request.Dependencies, item => lake.States[item]);

        // Stated the other way round from the implementation: an item is rebuilt when it is in the mode's state, or
        // when one of its direct inputs in the request is rebuilt (a fixpoint upwards, not a walk downwards).
        var requested = lake.States.Keys.ToHashSet();
        HashSet<WorkItem> expected;
        if (lake.Mode is ReprocessMode.Changed or ReprocessMode.All)
        {
            expected = requested;
        }
        else
        {
            expected = [.. requested.Where(i => lake.States[i] == Reprocess.StateOf(lake.Mode))];
            bool grew;
            do
            {
                grew = false;
                foreach (var item in requested.Where(i => !expected.Contains(i) && request.Dependencies.Upstream(i).Any(expected.Contains)).ToList())
                {
                    grew |= expected.Add(item);
                }
            }
            while (grew);
        }

        Assert.Equal(expected, chosen.Select(c => c.Item).ToHashSet());
        Assert.Equal(chosen.Count, chosen.Select(c => c.Item).Distinct().Count());
        Assert.All(chosen, c => Assert.False(string.IsNullOrEmpty(c.Reason)));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 100)]
    public void Plan_AnyChoice_PinnedAsTextPlansTheSameItems(LakeCase lake)
    {
        var request = lake.Request;
        var chosen = Reprocess.Select(lake.Mode, request.Days, request.Layers, request.Dependencies, item => lake.States[item]).Select(c => c.Item).ToList();

        var pinned = WorkItemSet.Parse(WorkItemSet.Format(chosen));
        var plan = Planner.Create(pinned, request.Dependencies, request.Order);

        Assert.Equal(chosen.ToHashSet(), plan.Items.ToHashSet());
        Assert.Equal(plan.Items.Count, chosen.Count);
    }

    [Fact]
    public void Select_StaleStaging_PlansItAndTheFeaturesDaysThatReadItWithinTheRequest()
    {
        var days = PartitionSetParser.Parse("2025-01-01..2025-01-05", new PartitionSetParseOptions());
        var stale = Item(Layer.Staging, "2025-01-02");

        var chosen = Reprocess.Select(ReprocessMode.Stale, days, AllLayers, new LayerDependencies(3), item => item == stale ? PartitionState.Stale : PartitionState.Committed);

        Assert.Equal(
            [
                (stale, "stale: an input changed since it was built"),
                (Item(Layer.Features, "2025-01-02"), "reads staging/2025-01-02, which is rebuilt"),
                (Item(Layer.Features, "2025-01-03"), "reads staging/2025-01-02, which is rebuilt"),
                (Item(Layer.Features, "2025-01-04"), "reads staging/2025-01-02, which is rebuilt"),
            ],
            chosen);
    }

    [Fact]
    public void Select_MissingRawWithoutStagingRequested_DoesNotRebuildFeatures()
    {
        // Features read staging, which this request does not rebuild: a new raw day changes nothing they read.
        var days = PartitionSetParser.Parse("2025-01-01..2025-01-03", new PartitionSetParseOptions());
        var missing = Item(Layer.Raw, "2025-01-02");

        var chosen = Reprocess.Select(ReprocessMode.Missing, days, [Layer.Raw, Layer.Features], new LayerDependencies(3), item => item == missing ? PartitionState.Missing : PartitionState.Committed);

        Assert.Equal([missing], chosen.Select(c => c.Item));
    }

    [Fact]
    public void DryRun_ChosenItemsCommittedByThisVersion_RunWithTheirReason()
    {
        var day = Day.Parse("2025-01-02");
        var failed = new WorkItem(Layer.Staging, day);
        var plan = Planner.Create([failed], new LayerDependencies(3), PartitionOrder.Ascending);
        var committed = new Dictionary<(string, Day), CommittedPartition>
        {
            [("raw", day)] = new("r1", "1.0", "cfg"),
            [("staging", day)] = new("s1", "1.0", "cfg"),
        };

        var item = Assert.Single(DryRun.Classify(plan, new LayerDependencies(3), i => LayerNames.Of(i.Layer), committed, "1.0", _ => "cfg", _ => "failed: its latest attempt failed after its live commit"));

        Assert.Equal((PlannedAction.Run, "failed: its latest attempt failed after its live commit"), (item.Action, item.Reason));
    }

    [Fact]
    public void WorkItemSet_NotALayer_IsAFormatErrorNamingThePart()
    {
        var error = Assert.Throws<FormatException>(() => WorkItemSet.Parse("raw:2025-01-01;gold:2025-01-02"));

        Assert.Contains("'gold:2025-01-02'", error.Message, StringComparison.Ordinal);
    }
}

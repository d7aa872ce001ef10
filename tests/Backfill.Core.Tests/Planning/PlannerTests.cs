using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using FsCheck.Xunit;

namespace Backfill.Core.Tests.Planning;

public sealed class PlannerTests
{
    private static readonly Layer[] AllLayers = [Layer.Raw, Layer.Staging, Layer.Features];
    private static readonly PartitionSet ThreeDays = Days("2025-01-01..2025-01-03");
    private static readonly LayerDependencies Window2 = new(featureWindowDays: 2);

    [Fact]
    public void Create_ThreeDaysAllLayersWindow2_HasExactlyTheSpecifiedEdges()
    {
        var plan = Planner.Create(ThreeDays, AllLayers, Window2, PartitionOrder.Ascending);

        // features(D) reads staging(D-1..D); staging(2024-12-31) is outside the plan, so it is no edge.
        var expected = new Dictionary<string, string[]>
        {
            ["raw/2025-01-01"] = [],
            ["staging/2025-01-01"] = ["raw/2025-01-01"],
            ["features/2025-01-01"] = ["staging/2025-01-01"],
            ["raw/2025-01-02"] = [],
            ["staging/2025-01-02"] = ["raw/2025-01-02"],
            ["features/2025-01-02"] = ["staging/2025-01-01", "staging/2025-01-02"],
            ["raw/2025-01-03"] = [],
            ["staging/2025-01-03"] = ["raw/2025-01-03"],
            ["features/2025-01-03"] = ["staging/2025-01-02", "staging/2025-01-03"],
        };
        Assert.Equal(
            expected.Keys.Order(StringComparer.Ordinal),
            plan.DependsOn.Keys.Select(item => item.Id).Order(StringComparer.Ordinal));
        foreach (var (item, inputs) in plan.DependsOn)
        {
            Assert.Equal(expected[item.Id], inputs.Select(input => input.Id));
        }
    }

    [Fact]
    public void Create_Ascending_TakesEarliestDayFirstAndLayersInPipelineOrder()
    {
        var plan = Planner.Create(ThreeDays, AllLayers, Window2, PartitionOrder.Ascending);

        Assert.Equal(
            [
                "raw/2025-01-01", "staging/2025-01-01", "features/2025-01-01",
                "raw/2025-01-02", "staging/2025-01-02", "features/2025-01-02",
                "raw/2025-01-03", "staging/2025-01-03", "features/2025-01-03",
            ],
            Ids(plan));
    }

    [Fact]
    public void Create_Descending_TakesLatestDayFirstButWaitsForTheFeatureWindow()
    {
        var plan = Planner.Create(ThreeDays, AllLayers, Window2, PartitionOrder.Descending);

        // features(01-03) must wait for staging(01-02), so raw and staging of 01-02 move ahead of it.
        Assert.Equal(
            [
                "raw/2025-01-03", "staging/2025-01-03",
                "raw/2025-01-02", "staging/2025-01-02", "features/2025-01-03",
                "raw/2025-01-01", "staging/2025-01-01", "features/2025-01-02",
                "features/2025-01-01",
            ],
            Ids(plan));
    }

    [Fact]
    public void Create_DescendingIndependentDays_PutsLaterDaysFirst()
    {
        var days = Days("2025-01-01..2025-01-03,2025-02-10");

        var plan = Planner.Create(days, [Layer.Raw], Window2, PartitionOrder.Descending);

        Assert.Equal(["raw/2025-02-10", "raw/2025-01-03", "raw/2025-01-02", "raw/2025-01-01"], Ids(plan));
    }

    [Fact]
    public void Create_LayersWithoutTheOnesBetween_HasNoEdges()
    {
        var plan = Planner.Create(ThreeDays, [Layer.Features, Layer.Raw], Window2, PartitionOrder.Ascending);

        Assert.All(plan.DependsOn.Values, Assert.Empty);
        Assert.Equal(
            [
                "raw/2025-01-01", "features/2025-01-01",
                "raw/2025-01-02", "features/2025-01-02",
                "raw/2025-01-03", "features/2025-01-03",
            ],
            Ids(plan));
    }

    [Fact]
    public void Create_DuplicateLayers_PlansEachItemOnce()
    {
        Layer[] layers = [Layer.Staging, Layer.Staging, Layer.Raw];

        var plan = Planner.Create(ThreeDays, layers, Window2, PartitionOrder.Ascending);

        Assert.Equal(6, plan.Items.Count);
        Assert.Equal(3, plan.CountOf(Layer.Raw));
        Assert.Equal(3, plan.CountOf(Layer.Staging));
        Assert.Equal(0, plan.CountOf(Layer.Features));
    }

    [Fact]
    public void Create_NoLayers_ThrowsNamingLayers()
    {
        var error = Assert.Throws<ArgumentException>(
            () => Planner.Create(ThreeDays, [], Window2, PartitionOrder.Ascending));

        Assert.Equal("layers", error.ParamName);
        Assert.StartsWith("A plan needs at least one layer.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UndefinedLayer_ThrowsNamingLayers()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Planner.Create(ThreeDays, [Layer.Raw, (Layer)7], Window2, PartitionOrder.Ascending));

        Assert.Equal("layers", error.ParamName);
    }

    [Fact]
    public void Create_UndefinedOrder_ThrowsNamingOrder()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Planner.Create(ThreeDays, AllLayers, Window2, (PartitionOrder)2));

        Assert.Equal("order", error.ParamName);
    }

    [Fact]
    public void Create_TenYearsAllLayersWindow28_PlansEveryItemInDependencyOrder()
    {
        var days = new PartitionSet(Enumerable.Range(0, 3_650).Select(Day.Parse("2015-01-01").AddDays));

        var plan = Planner.Create(days, AllLayers, new LayerDependencies(28), PartitionOrder.Descending);

        Assert.Equal(10_950, plan.Items.Count);
        Assert.Equal(3_650, plan.CountOf(Layer.Features));
        Assert.Equal("raw/2024-12-28", plan.Items[0].Id);
        AssertTopological(plan);
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Create_AnyCase_PlansEveryRequestedItemOnce(PlanCase input)
    {
        var plan = Planner.Create(input.Days, input.Layers, input.Dependencies, input.Order);

        var expected = input.Days.SelectMany(day => input.Layers.Distinct().Select(layer => new WorkItem(layer, day)));
        Assert.Equal(expected.ToHashSet(), plan.Items.ToHashSet());
        Assert.Equal(plan.Items.Count, plan.Items.Distinct().Count());
        Assert.Equal(plan.Items.Count, Enum.GetValues<Layer>().Sum(plan.CountOf));
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Create_AnyCase_DependsOnIsTheUpstreamItemsInThePlan(PlanCase input)
    {
        var plan = Planner.Create(input.Days, input.Layers, input.Dependencies, input.Order);

        var inPlan = plan.Items.ToHashSet();
        Assert.Equal(inPlan, plan.DependsOn.Keys.ToHashSet());
        foreach (var item in plan.Items)
        {
            Assert.Equal(input.Dependencies.Upstream(item).Where(inPlan.Contains), plan.DependsOn[item]);
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Create_AnyCase_PlacesEveryItemAfterItsDependencies(PlanCase input)
    {
        AssertTopological(Planner.Create(input.Days, input.Layers, input.Dependencies, input.Order));
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Create_AnyCase_BreaksRequestedOrderOnlyToWaitForAnInput(PlanCase input)
    {
        var plan = Planner.Create(input.Days, input.Layers, input.Dependencies, input.Order);

        // The planner always takes the first ready item in the requested order. So when an item runs ahead of
        // the one placed just before it in that order, it cannot have been ready then: that item was its input.
        for (var i = 1; i < plan.Items.Count; i++)
        {
            var (before, after) = (plan.Items[i - 1], plan.Items[i]);
            if (Rank(after, input.Order).CompareTo(Rank(before, input.Order)) < 0)
            {
                Assert.Contains(before, plan.DependsOn[after]);
            }
        }
    }

    private static (int Day, Layer Layer) Rank(WorkItem item, PartitionOrder order)
    {
        var day = item.Partition.Date.DayNumber;
        return (order == PartitionOrder.Ascending ? day : -day, item.Layer);
    }

    private static void AssertTopological(Plan plan)
    {
        var position = plan.Items.Select((item, index) => (item, index)).ToDictionary(p => p.item, p => p.index);
        foreach (var item in plan.Items)
        {
            foreach (var input in plan.DependsOn[item])
            {
                Assert.True(position[input] < position[item], $"{item} runs before its input {input}.");
            }
        }
    }

    private static PartitionSet Days(string expression) =>
        PartitionSetParser.Parse(expression, new PartitionSetParseOptions());

    private static string[] Ids(Plan plan) => [.. plan.Items.Select(item => item.Id)];
}

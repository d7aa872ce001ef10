using Backfill.Core.Estimating;
using Backfill.Core.Layers;
using Backfill.Core.Planning;
using Backfill.Core.Tests.Planning;
using FsCheck.Xunit;

namespace Backfill.Core.Tests.Estimating;

public sealed class ScheduleSimulationTests
{
    [Fact]
    public void Makespan_ChainAndFreeItems_FreeItemsFillTheSlotsTheChainLeaves()
    {
        // a -> b (3 s each), c and d free (1 s each), cap 2: a‖c, then a‖d, then b: 6 s.
        string[] items = ["a", "b", "c", "d"];
        var dependsOn = new Dictionary<string, string[]> { ["a"] = [], ["b"] = ["a"], ["c"] = [], ["d"] = [] };
        TimeSpan Cost(string item) => TimeSpan.FromSeconds(item is "a" or "b" ? 3 : 1);

        Assert.Equal(TimeSpan.FromSeconds(6), ScheduleSimulation.Makespan(items, i => dependsOn[i], Cost, 2));
        Assert.Equal(TimeSpan.FromSeconds(8), ScheduleSimulation.Makespan(items, i => dependsOn[i], Cost, 1));
    }

    [Fact]
    public void Makespan_PlanOrderDecidesWhoGetsAFreedSlot_LikeTheOrchestratorsReadyQueue()
    {
        // Cap 1 after a finishes: b (earlier in the plan) runs before c even though c is longer.
        string[] items = ["a", "b", "c"];
        TimeSpan Cost(string item) => TimeSpan.FromSeconds(item == "c" ? 5 : 1);

        Assert.Equal(TimeSpan.FromSeconds(5), ScheduleSimulation.Makespan(items, _ => [], Cost, 3));
        Assert.Equal(TimeSpan.FromSeconds(7), ScheduleSimulation.Makespan(items, _ => [], Cost, 1));
    }

    [Fact]
    public void Makespan_DependencyAfterTheItem_Throws()
    {
        string[] items = ["a", "b"];

        Assert.Throws<ArgumentException>(() => ScheduleSimulation.Makespan(items, i => i == "a" ? ["b"] : [], _ => TimeSpan.FromSeconds(1), 1));
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Makespan_AtMaxParallelOne_IsTheSumOfDurations(PlanCase request, int seed)
    {
        var (plan, cost, _) = Case(request, seed);

        Assert.Equal(Sum(plan, cost), ScheduleSimulation.Makespan(plan.Items, i => plan.DependsOn[i], cost, 1));
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Makespan_AtAnyMaxParallel_IsWithinTheBoundsOfAGreedySchedule(PlanCase request, int seed, byte cap)
    {
        var (plan, cost, critical) = Case(request, seed);
        var m = 1 + (cap % 8);

        var makespan = ScheduleSimulation.Makespan(plan.Items, i => plan.DependsOn[i], cost, m);

        // Never below the critical path or the work spread over m slots; never above Graham's bound for a schedule
        // that leaves no slot idle while an item is ready: (work - critical) / m + critical. (Not monotone in m in
        // general: Graham's anomalies; the bounds are what any greedy list schedule guarantees.)
        var work = Sum(plan, cost).Ticks;
        Assert.True(makespan >= critical, request.ToString());
        Assert.True(makespan.Ticks * m >= work, request.ToString());
        Assert.True(makespan.Ticks * m <= work - critical.Ticks + (critical.Ticks * m), request.ToString());
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Makespan_WithAsManySlotsAsItems_IsTheCriticalPath(PlanCase request, int seed)
    {
        var (plan, cost, critical) = Case(request, seed);

        Assert.Equal(critical, ScheduleSimulation.Makespan(plan.Items, i => plan.DependsOn[i], cost, Math.Max(1, plan.Items.Count)));
    }

    private static (Plan Plan, Func<WorkItem, TimeSpan> Cost, TimeSpan Critical) Case(PlanCase request, int seed)
    {
        var plan = Planner.Create(request.Days, request.Layers, request.Dependencies, request.Order);

        // Per-layer durations, as the estimate uses, of 1 to 1,000 ms.
        var random = new Random(seed);
        var byLayer = Enum.GetValues<Layer>().ToDictionary(l => l, _ => TimeSpan.FromMilliseconds(random.Next(1, 1_000)));
        TimeSpan Cost(WorkItem item) => byLayer[item.Layer];
        var finish = new Dictionary<WorkItem, TimeSpan>();
        foreach (var item in plan.Items)
        {
            finish[item] = plan.DependsOn[item].Select(d => finish[d]).DefaultIfEmpty(TimeSpan.Zero).Max() + Cost(item);
        }

        return (plan, Cost, finish.Values.DefaultIfEmpty(TimeSpan.Zero).Max());
    }

    private static TimeSpan Sum(Plan plan, Func<WorkItem, TimeSpan> cost) =>
        plan.Items.Aggregate(TimeSpan.Zero, (total, item) => total + cost(item));
}

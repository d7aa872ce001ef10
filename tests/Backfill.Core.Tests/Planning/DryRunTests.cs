using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;

namespace Backfill.Core.Tests.Planning;

public sealed class DryRunTests
{
    private static Day Day(string text) => Core.Partitions.Day.Parse(text);

    private static string DatasetOf(WorkItem item) => item.Layer == Layer.Features ? "features_v2" : item.Layer.ToString().ToLowerInvariant();

    [Fact]
    public void Classify_NothingCommitted_RunsEverythingInWavesWithPartialFirstWindow()
    {
        var plan = TestPlans.Of("2025-01-01..2025-01-02", Layer.Raw, Layer.Staging, Layer.Features);

        var items = DryRun.Classify(plan, TestPlans.Window2, DatasetOf, new Dictionary<(string, Day), CommittedPartition>(), "v", _ => "c");

        Assert.All(items, i => Assert.Equal(PlannedAction.Run, i.Action));
        Assert.Equal([1, 1, 2, 2, 3, 3], items.Select(i => i.Wave).Order());
    }

    [Fact]
    public void Classify_FeaturesOnlyWithMissingSameDayStaging_BlocksNamingTheUpstream()
    {
        var plan = TestPlans.Of("2025-01-03", Layer.Features);
        var earlierOnly = new Dictionary<(string, Day), CommittedPartition>
        {
            [("staging", Day("2025-01-02"))] = new("c1", "v", "c"),
        };

        var item = Assert.Single(DryRun.Classify(plan, TestPlans.Window2, DatasetOf, earlierOnly, "v", _ => "c"));

        Assert.Equal(PlannedAction.Blocked, item.Action);
        Assert.Equal("upstream staging/2025-01-03 missing and not in request", item.Reason);
    }

    [Fact]
    public void Classify_CommittedBySameVersion_SkipsUnlessAnInputIsRebuilt()
    {
        var plan = TestPlans.Of("2025-01-02", Layer.Staging, Layer.Features);
        var committed = new Dictionary<(string, Day), CommittedPartition>
        {
            [("raw", Day("2025-01-02"))] = new("r", "v", "c"),
            [("staging", Day("2025-01-01"))] = new("s1", "v", "c"),
            [("staging", Day("2025-01-02"))] = new("s2", "v", "c"),
            [("features_v2", Day("2025-01-02"))] = new("f2", "v", "c"),
        };

        var same = DryRun.Classify(plan, TestPlans.Window2, DatasetOf, committed, "v", _ => "c");
        var newCode = DryRun.Classify(plan, TestPlans.Window2, DatasetOf, committed, "v2", _ => "c");

        Assert.All(same, i => Assert.Equal(PlannedAction.Skip, i.Action));
        Assert.Equal("already committed by this code+config version (s2)", same[0].Reason);
        Assert.All(newCode, i => Assert.Equal(PlannedAction.Run, i.Action));
    }

    [Fact]
    public void Classify_BlockedUpstreamInPlan_BlocksDependents()
    {
        var plan = TestPlans.Of("2025-01-05", Layer.Staging, Layer.Features);
        var committed = new Dictionary<(string, Day), CommittedPartition>
        {
            [("staging", Day("2025-01-04"))] = new("s", "v", "c"),
        };

        var items = DryRun.Classify(plan, TestPlans.Window2, DatasetOf, committed, "v", _ => "c");

        Assert.Equal("upstream raw/2025-01-05 missing and not in request", items[0].Reason);
        Assert.Equal("upstream staging/2025-01-05 blocked", items[1].Reason);
    }
}

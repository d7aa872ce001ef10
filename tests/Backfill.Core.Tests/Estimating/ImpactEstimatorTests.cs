using Backfill.Core.Estimating;
using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using Backfill.Core.Tests.Planning;

namespace Backfill.Core.Tests.Estimating;

public sealed class ImpactEstimatorTests
{
    private static readonly TimeSpan Overhead = TimeSpan.FromMilliseconds(100);

    private static string DatasetOf(WorkItem item) => item.Layer == Layer.Features ? "features_v1" : item.Layer.ToString().ToLowerInvariant();

    private static List<PlannedItem> AllRun(Plan plan) => [.. plan.Items.Select(i => new PlannedItem(i, PlannedAction.Run, null, 1))];

    private static Dictionary<string, DatasetHistory> History(int rawMs, int stagingMs, int featuresMs) => new()
    {
        ["raw"] = new([TimeSpan.FromMilliseconds(rawMs), TimeSpan.FromMilliseconds(rawMs * 3), TimeSpan.FromMilliseconds(rawMs)], [TimeSpan.FromMilliseconds(rawMs / 2)], [1_000, 3_000]),
        ["staging"] = new([TimeSpan.FromMilliseconds(stagingMs)], [TimeSpan.FromMilliseconds(stagingMs / 2)], [500]),
        ["features_v1"] = new([TimeSpan.FromMilliseconds(featuresMs)], [TimeSpan.FromMilliseconds(featuresMs / 2)], [200]),
    };

    [Fact]
    public void Estimate_TwoDaysWithHistory_SizesEachLayerAndSimulatesTheSchedule()
    {
        var plan = TestPlans.Of("2025-01-01..2025-01-02", Layer.Raw, Layer.Staging, Layer.Features);
        long? Live(string dataset, Day day) => (dataset, day.ToString()) switch
        {
            ("raw", "2025-01-01") => 4_000,
            ("staging", "2025-01-01") => 800,
            _ => null,
        };

        var estimate = ImpactEstimator.Estimate(plan, AllRun(plan), TestPlans.Window2, DatasetOf, Live, History(1_000, 500, 200), 1, Overhead);

        Assert.Equal([Layer.Raw, Layer.Staging, Layer.Features], estimate.Layers.Select(l => l.Layer));
        var raw = estimate.Layers[0];
        Assert.Equal((2, (long?)null, 4_000L + 2_000L, TimeSpan.FromMilliseconds(1_000), 3), (raw.Partitions, raw.InputBytes, raw.BytesToWrite, raw.ItemDuration, raw.DurationSamples));

        // staging reads raw (4,000 live, 2,000 the mean) and writes 800 live plus 500 the mean.
        var staging = estimate.Layers[1];
        Assert.Equal((6_000L, 1_300L), (staging.InputBytes, staging.BytesToWrite));

        // features(01) reads staging 01 (800), not 2024-12-31 (neither live nor planned); features(02) reads 01 and 02 (the mean).
        var features = estimate.Layers[2];
        Assert.Equal((800L + 800L + 500L, 400L, 0), (features.InputBytes, features.BytesToWrite, features.UnsizedPartitions));

        // Max parallel 1: the sum of every item's median plus overhead.
        Assert.Equal(TimeSpan.FromMilliseconds((2 * 1_000) + (2 * 500) + (2 * 200) + (6 * 100)), estimate.Duration);
        Assert.Null(estimate.NoDurationReason);
        Assert.Contains("raw N=3, staging N=1, features_v1 N=1", estimate.Method, StringComparison.Ordinal);
        Assert.Contains("at most 1 at once", estimate.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_MoreSlots_RunsIndependentDaysSideBySide()
    {
        var plan = TestPlans.Of("2025-01-01..2025-01-04", Layer.Raw, Layer.Staging);

        var estimate = ImpactEstimator.Estimate(plan, AllRun(plan), TestPlans.Window2, DatasetOf, (_, _) => null, History(1_000, 500, 200), 4, Overhead);

        // Four raw items at once, then four staging items: one raw plus one staging, each with its overhead.
        Assert.Equal(TimeSpan.FromMilliseconds(1_000 + 500 + 200), estimate.Duration);
    }

    [Fact]
    public void Estimate_SkippedItems_CostTheirRebuildAndCountNoBytes()
    {
        var plan = TestPlans.Of("2025-01-01", Layer.Raw, Layer.Staging);
        List<PlannedItem> classified =
        [
            new(plan.Items[0], PlannedAction.Skip, "already committed", 0),
            new(plan.Items[1], PlannedAction.Run, null, 1),
        ];

        var estimate = ImpactEstimator.Estimate(plan, classified, TestPlans.Window2, DatasetOf, (_, _) => 10, History(1_000, 500, 200), 2, Overhead);

        var only = Assert.Single(estimate.Layers);
        Assert.Equal((Layer.Staging, 1, (long?)10, 10L), (only.Layer, only.Partitions, only.InputBytes, only.BytesToWrite));
        // The skipped raw item still builds and stages (500 ms, the median rebuild) before staging can start.
        Assert.Equal(TimeSpan.FromMilliseconds(100 + 500 + 100 + 500), estimate.Duration);
    }

    [Fact]
    public void Estimate_NoHistoryOfALayerToRun_GivesNoDurationAndSaysWhy()
    {
        var plan = TestPlans.Of("2025-01-01", Layer.Raw, Layer.Staging, Layer.Features);
        var history = History(1_000, 500, 200);
        history.Remove("features_v1");

        var estimate = ImpactEstimator.Estimate(plan, AllRun(plan), TestPlans.Window2, DatasetOf, (_, _) => null, history, 3, Overhead);

        Assert.Null(estimate.Duration);
        Assert.Contains("no commit timings of features_v1 in lineage", estimate.NoDurationReason, StringComparison.Ordinal);
        var features = estimate.Layers[2];
        Assert.Equal((null, 0, 1), (features.ItemDuration, features.DurationSamples, features.UnsizedPartitions));
    }

    [Fact]
    public void History_EvenCount_MedianIsTheMeanOfTheMiddleTwo()
    {
        var history = new DatasetHistory([TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(9)], [TimeSpan.FromSeconds(1)], [1, 2]);

        Assert.Equal(TimeSpan.FromSeconds(3), history.MedianDuration);
        Assert.Equal(TimeSpan.FromSeconds(1), history.MedianRebuildDuration);
        Assert.Equal(2, history.MeanBytes);
        Assert.Null(DatasetHistory.None.MedianDuration);
    }
}

using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;

namespace Backfill.Core.Estimating;

/// <summary>Makes a plan's <see cref="ImpactEstimate"/> from its dry run and the lake's recent commits.</summary>
public static class ImpactEstimator
{
    /// <summary>Estimates what the plan's run items read and write, and how long the whole plan takes.</summary>
    /// <param name="plan">The plan, in its order, with its dependencies.</param>
    /// <param name="classified">Its dry run; items not in the plan (a reprocess mode left them alone) are ignored.</param>
    /// <param name="dependencies">Which partitions each item reads.</param>
    /// <param name="datasetOf">The dataset a work item writes.</param>
    /// <param name="liveBytes">The size of a dataset partition's live commit; null when it has none.</param>
    /// <param name="history">Each dataset's recent commits; a dataset missing here has none.</param>
    /// <param name="maxParallel">The max parallel to simulate.</param>
    /// <param name="itemOverhead">Time every item takes beyond its commit's recorded steps (dispatch, checks, bookkeeping).</param>
    /// <returns>The estimate.</returns>
    public static ImpactEstimate Estimate(
        Plan plan,
        IReadOnlyList<PlannedItem> classified,
        LayerDependencies dependencies,
        Func<WorkItem, string> datasetOf,
        Func<string, Day, long?> liveBytes,
        IReadOnlyDictionary<string, DatasetHistory> history,
        int maxParallel,
        TimeSpan itemOverhead)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(classified);
        ArgumentNullException.ThrowIfNull(dependencies);
        ArgumentNullException.ThrowIfNull(datasetOf);
        ArgumentNullException.ThrowIfNull(liveBytes);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallel, 1);
        DatasetHistory HistoryOf(string dataset) => history.GetValueOrDefault(dataset) ?? DatasetHistory.None;
        long? SizeOf(WorkItem item) => liveBytes(datasetOf(item), item.Partition) ?? HistoryOf(datasetOf(item)).MeanBytes;

        var action = classified.ToDictionary(p => p.Item, p => p.Action);
        var run = plan.Items.Where(i => action.GetValueOrDefault(i) == PlannedAction.Run).ToHashSet();
        var layers = run.GroupBy(i => i.Layer).OrderBy(g => g.Key).Select(group =>
        {
            var dataset = datasetOf(group.First());
            // An input outside the run items that has no live commit is not read (a window before the first day).
            var reads = group.SelectMany(dependencies.Upstream)
                .Select(u => liveBytes(datasetOf(u), u.Partition) ?? (run.Contains(u) ? HistoryOf(datasetOf(u)).MeanBytes : 0))
                .ToList();
            var writes = group.Select(SizeOf).ToList();
            var own = HistoryOf(dataset);
            return new LayerEstimate(
                group.Key,
                dataset,
                group.Count(),
                group.Key == Layer.Raw ? null : reads.Sum(b => b ?? 0),
                writes.Sum(b => b ?? 0),
                reads.Count(b => b is null) + writes.Count(b => b is null),
                own.MedianDuration,
                own.Durations.Count);
        }).ToList();

        // A skip item still builds and stages (its content turns out unchanged, so it stops there): it needs history too.
        var skip = plan.Items.Where(i => action.GetValueOrDefault(i) == PlannedAction.Skip).ToList();
        var unknown = run.Where(i => HistoryOf(datasetOf(i)).MedianDuration is null)
            .Concat(skip.Where(i => HistoryOf(datasetOf(i)).MedianRebuildDuration is null))
            .Select(datasetOf).Distinct().ToList();
        string? noDuration = unknown.Count == 0
            ? null
            : $"no commit timings of {string.Join(", ", unknown)} in lineage yet: nothing has committed to it, so there is no history to estimate from";
        TimeSpan? duration = null;
        if (noDuration is null)
        {
            TimeSpan Cost(WorkItem item) => itemOverhead + action.GetValueOrDefault(item) switch
            {
                PlannedAction.Run => HistoryOf(datasetOf(item)).MedianDuration!.Value,
                PlannedAction.Skip => HistoryOf(datasetOf(item)).MedianRebuildDuration!.Value,
                _ => TimeSpan.Zero,
            };
            duration = ScheduleSimulation.Makespan(plan.Items, item => plan.DependsOn[item], Cost, maxParallel);
        }

        return new ImpactEstimate(layers, maxParallel, itemOverhead, duration, noDuration, Method(plan.Items.Count, layers, maxParallel, itemOverhead));
    }

    private static string Method(int items, List<LayerEstimate> layers, int maxParallel, TimeSpan overhead)
    {
        var samples = layers.Count == 0
            ? "no run items"
            : string.Join(", ", layers.Select(l => FormattableString.Invariant($"{l.Dataset} N={l.DurationSamples}")));
        return FormattableString.Invariant(
            $"duration: the plan's {items} items replayed on a virtual clock in plan order, each after the items it depends on (raw -> staging -> features' window), at most {maxParallel} at once; a run item takes the median of its dataset's last commit durations from lineage (build + stage + validate + publish; {samples}) plus {overhead.TotalMilliseconds:0} ms orchestration overhead per item; a skip item (rebuilt, found unchanged, not published) the median of build + stage plus the overhead, a blocked item the overhead only. bytes: each partition's live commit size from its manifest, else (for a partition the plan writes) the mean of its dataset's recent live commits; raw's input (landing files) is not sized.");
    }
}

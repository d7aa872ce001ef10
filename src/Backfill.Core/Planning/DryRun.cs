using Backfill.Core.Layers;

namespace Backfill.Core.Planning;

/// <summary>
/// What a backfill would do, item by item, given which partitions are already committed: the same
/// skip rule the work items apply when they run, so a dry run predicts the real run.
/// </summary>
public static class DryRun
{
    /// <summary>Classifies every item of <paramref name="plan"/>.</summary>
    /// <param name="plan">The plan, in its order.</param>
    /// <param name="dependencies">The dependency model the plan was made with.</param>
    /// <param name="datasetOf">The dataset a work item writes (features items write the target feature version).</param>
    /// <param name="committed">The live commit of each dataset partition that has one, keyed by (dataset, day).</param>
    /// <param name="codeVersion">The code version the backfill would be pinned to.</param>
    /// <param name="configHashOf">The config hash a work item's commit would carry.</param>
    /// <param name="chosenBecause">
    /// For a plan a reprocess mode chose (anything but <see cref="ReprocessMode.Changed"/>): why each item was chosen. Such items run
    /// whatever produced their live commit; null applies the skip rule of <see cref="ReprocessMode.Changed"/>.
    /// </param>
    /// <returns>One entry per plan item, in plan order.</returns>
    public static IReadOnlyList<PlannedItem> Classify(
        Plan plan,
        LayerDependencies dependencies,
        Func<WorkItem, string> datasetOf,
        IReadOnlyDictionary<(string Dataset, Partitions.Day Day), CommittedPartition> committed,
        string codeVersion,
        Func<WorkItem, string> configHashOf,
        Func<WorkItem, string>? chosenBecause = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(dependencies);
        ArgumentNullException.ThrowIfNull(datasetOf);
        ArgumentNullException.ThrowIfNull(committed);
        var inPlan = plan.Items.ToHashSet();
        var result = new Dictionary<WorkItem, PlannedItem>(plan.Items.Count);
        foreach (var item in plan.Items)
        {
            var planned = Classify(item, dependencies, datasetOf, committed, codeVersion, configHashOf, inPlan, result, chosenBecause is null);
            result[item] = planned.Action == PlannedAction.Run && chosenBecause is not null ? planned with { Reason = chosenBecause(item) } : planned;
        }

        return [.. plan.Items.Select(item => result[item])];
    }

    private static PlannedItem Classify(
        WorkItem item,
        LayerDependencies dependencies,
        Func<WorkItem, string> datasetOf,
        IReadOnlyDictionary<(string Dataset, Partitions.Day Day), CommittedPartition> committed,
        string codeVersion,
        Func<WorkItem, string> configHashOf,
        HashSet<WorkItem> inPlan,
        Dictionary<WorkItem, PlannedItem> decided,
        bool skipUnchanged)
    {
        var wave = 1;
        foreach (var upstream in dependencies.Upstream(item))
        {
            if (!inPlan.Contains(upstream))
            {
                // Only the same day's input is required: earlier window days may not exist yet at
                // the start of history, and features then cover the days that do.
                if (upstream.Partition == item.Partition && !committed.ContainsKey((datasetOf(upstream), upstream.Partition)))
                {
                    return new(item, PlannedAction.Blocked, $"upstream {upstream.Id} missing and not in request", 0);
                }

                continue;
            }

            var before = decided[upstream];
            if (before.Action == PlannedAction.Blocked)
            {
                return new(item, PlannedAction.Blocked, $"upstream {upstream.Id} blocked", 0);
            }

            if (before.Action == PlannedAction.Run)
            {
                wave = Math.Max(wave, before.Wave + 1);
            }
        }

        // A rebuilt input changes what this item would read, so it only skips when every input skips too.
        var inputsUnchanged = skipUnchanged && dependencies.Upstream(item).All(u => !inPlan.Contains(u) || decided[u].Action == PlannedAction.Skip);
        if (inputsUnchanged
            && committed.TryGetValue((datasetOf(item), item.Partition), out var live)
            && live.CodeVersion == codeVersion
            && live.ConfigHash == configHashOf(item))
        {
            return new(item, PlannedAction.Skip, $"already committed by this code+config version ({live.CommitId})", 0);
        }

        return new(item, PlannedAction.Run, null, wave);
    }
}

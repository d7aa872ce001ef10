using Backfill.Core.Layers;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;

namespace Backfill.Core.Daily;

/// <summary>Turns a daily plan and the queued repairs into one step per day.</summary>
public static class DailySteps
{
    /// <summary>
    /// Returns the steps of a run, oldest day first: catchup days and the watermark day are built in every layer
    /// (overwrite); rolling and repair days rebuild raw and staging in merge mode; the features their staging
    /// change invalidates are rebuilt, as are the plan's invalidated features days.
    /// </summary>
    /// <param name="plan">The run's plan.</param>
    /// <param name="repairDays">Days queued for repair because late events landed after their last reprocess.</param>
    /// <param name="isCommitted">Whether a day is committed (only committed features days are rebuilt when invalidated).</param>
    /// <param name="dependencies">Which features days read which staging days.</param>
    /// <returns>One step per day, oldest first.</returns>
    public static IReadOnlyList<DailyStep> Of(
        DailyPlan plan, IEnumerable<Day> repairDays, Func<Day, bool> isCommitted, LayerDependencies dependencies)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(repairDays);
        ArgumentNullException.ThrowIfNull(isCommitted);
        ArgumentNullException.ThrowIfNull(dependencies);
        var steps = new Dictionary<Day, DailyStep>();
        foreach (var day in plan.CatchupDays)
        {
            steps[day] = new DailyStep(day, RunTrigger.Catchup, false, true, true);
        }

        steps[plan.Watermark] = new DailyStep(plan.Watermark, RunTrigger.Daily, false, true, true);
        foreach (var day in plan.RollingDays)
        {
            steps[day] = new DailyStep(day, RunTrigger.Rolling, true, true, false);
        }

        foreach (var day in plan.InvalidatedFeaturesDays)
        {
            steps[day] = steps.TryGetValue(day, out var step)
                ? step with { BuildsFeatures = true }
                : new DailyStep(day, RunTrigger.Rolling, false, false, true);
        }

        // A repair day already rebuilt by this run (rolling or in full) needs nothing more.
        var repairs = repairDays.Where(day => day < plan.Watermark && !steps.ContainsKey(day)).Distinct().Order().ToList();
        foreach (var day in repairs)
        {
            steps[day] = new DailyStep(day, RunTrigger.Repair, true, true, false);
        }

        foreach (var day in repairs
                     .SelectMany(day => dependencies.Downstream(new WorkItem(Layer.Staging, day)))
                     .Select(item => item.Partition)
                     .Where(day => day <= plan.Watermark && isCommitted(day)))
        {
            steps[day] = steps.TryGetValue(day, out var step)
                ? step with { BuildsFeatures = true }
                : new DailyStep(day, RunTrigger.Repair, false, false, true);
        }

        return [.. steps.Values.OrderBy(step => step.Day)];
    }
}

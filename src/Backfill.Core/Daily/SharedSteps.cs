using Backfill.Core.Layers;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;

namespace Backfill.Core.Daily;

/// <summary>
/// Shares one daily run's raw and staging across the feature versions it builds: each version plans its own steps
/// from its own committed watermark, raw and staging of a day are built once for all of them, and every version
/// rebuilds the features days a shared staging change invalidates for it.
/// </summary>
public static class SharedSteps
{
    /// <summary>
    /// Returns the raw and staging steps of the run, one per day some version builds upstream, oldest first. A day
    /// one version builds in full and another merges is built in full: an overwrite from every landed event holds
    /// everything the merge would add.
    /// </summary>
    /// <param name="versions">Each built version's steps.</param>
    /// <returns>The upstream steps; <see cref="DailyStep.BuildsFeatures"/> is false on each (features are per version).</returns>
    public static IReadOnlyList<DailyStep> Upstream(IEnumerable<IReadOnlyList<DailyStep>> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return [.. versions.SelectMany(steps => steps)
            .Where(step => step.BuildsUpstream)
            .GroupBy(step => step.Day)
            .Select(day => day.OrderBy(step => step.Merge).ThenBy(step => Rank(step.Trigger)).First() with { BuildsFeatures = false })
            .OrderBy(step => step.Day)];
    }

    /// <summary>
    /// Returns one version's features steps, oldest first: its own, plus the committed features days (up to
    /// <paramref name="watermark"/>) that read a staging day the run rebuilds for another version.
    /// </summary>
    /// <param name="own">The version's steps.</param>
    /// <param name="upstream">The run's upstream steps (<see cref="Upstream"/>).</param>
    /// <param name="watermark">The run's watermark day.</param>
    /// <param name="isCommitted">Whether a features day is committed in this version.</param>
    /// <param name="dependencies">Which features days of this version read which staging days.</param>
    /// <returns>The features steps.</returns>
    public static IReadOnlyList<DailyStep> Features(
        IReadOnlyList<DailyStep> own, IReadOnlyList<DailyStep> upstream, Day watermark, Func<Day, bool> isCommitted, LayerDependencies dependencies)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(upstream);
        ArgumentNullException.ThrowIfNull(isCommitted);
        ArgumentNullException.ThrowIfNull(dependencies);
        var steps = own.Where(step => step.BuildsFeatures).ToDictionary(step => step.Day);
        var ownUpstream = own.Where(step => step.BuildsUpstream).Select(step => step.Day).ToHashSet();
        foreach (var shared in upstream.Where(step => !ownUpstream.Contains(step.Day)))
        {
            var trigger = shared.Trigger == RunTrigger.Repair ? RunTrigger.Repair : RunTrigger.Rolling;
            foreach (var day in dependencies.Downstream(new WorkItem(Layer.Staging, shared.Day))
                         .Select(item => item.Partition)
                         .Where(day => day <= watermark && isCommitted(day) && !steps.ContainsKey(day)))
            {
                steps[day] = new DailyStep(day, trigger, false, false, true);
            }
        }

        return [.. steps.Values.OrderBy(step => step.Day)];
    }

    // Full builds first; among them the day's own processing before catchup, and rolling before repair.
    private static int Rank(RunTrigger trigger) => trigger switch
    {
        RunTrigger.Daily => 0,
        RunTrigger.Catchup => 1,
        RunTrigger.Rolling => 2,
        _ => 3,
    };
}

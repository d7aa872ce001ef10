using Backfill.Core.Claims;
using Backfill.Core.Daily;
using Backfill.Core.Layers;
using Backfill.Core.Planning;
using Microsoft.DurableTask;

namespace Backfill.Workflows.Orchestrators;

/// <summary>
/// The daily run's claims, kept apart from its work: it claims every partition its steps write before building, with
/// priority (never refused, never waiting; the days are taken from backfills, which are told to claim again and
/// wait), renews between phases, and releases at the end, telling the backfills it took from to claim again.
/// </summary>
internal static class DailyClaims
{
    /// <summary>Claims the partitions of <paramref name="steps"/>.</summary>
    /// <returns>The backfill partitions taken, to hand back in <see cref="ReleaseAsync"/>.</returns>
    public static async Task<IReadOnlyList<ClaimConflict>> AcquireAsync(TaskOrchestrationContext context, string target, IEnumerable<DailyStep> steps)
    {
        var items = steps.SelectMany(step => (step.BuildsUpstream ? new[] { Layer.Raw, Layer.Staging } : []).Concat(step.BuildsFeatures ? [Layer.Features] : [])
            .Select(layer => new WorkItem(layer, step.Day)));
        var result = await ClaimCalls.ClaimAsync(context, daily: true, ClaimCalls.PartitionsOf(items, target), wait: false, []);
        ClaimCalls.NotifyBackfills(context, result.Conflicts);
        return result.Conflicts;
    }

    /// <summary>Frees the run's partitions and tells the backfills it took them from.</summary>
    public static async Task ReleaseAsync(TaskOrchestrationContext context, IReadOnlyList<ClaimConflict> taken)
    {
        await ClaimCalls.ReleaseAsync(context);
        ClaimCalls.NotifyBackfills(context, taken);
    }
}

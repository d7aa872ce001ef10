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
    /// <summary>Claims raw and staging of the <paramref name="upstream"/> days and each built version's features days.</summary>
    /// <returns>The backfill partitions taken, to hand back in <see cref="ReleaseAsync"/>.</returns>
    public static async Task<IReadOnlyList<ClaimConflict>> AcquireAsync(
        TaskOrchestrationContext context, IReadOnlyList<DailyStep> upstream, IReadOnlyList<DailyVersionRun> versions)
    {
        // Raw and staging are the same datasets whichever version names them; features are one dataset per version.
        var shared = ClaimCalls.PartitionsOf(
            upstream.SelectMany(step => new[] { new WorkItem(Layer.Raw, step.Day), new WorkItem(Layer.Staging, step.Day) }), versions[0].Version);
        var wanted = versions
            .SelectMany(version => ClaimCalls.PartitionsOf(version.FeaturesSteps.Select(step => new WorkItem(Layer.Features, step.Day)), version.Version))
            .Concat(shared)
            .ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
        var result = await ClaimCalls.ClaimAsync(context, daily: true, wanted, wait: false, []);
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

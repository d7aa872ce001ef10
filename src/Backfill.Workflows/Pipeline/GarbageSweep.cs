using Backfill.Core.Features;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Landing;
using Microsoft.Extensions.Logging;

namespace Backfill.Workflows.Pipeline;

/// <summary>
/// Deletes, in every dataset, the commit folders no manifest names once they are older than <c>Lake:GarbageRetention</c>
/// (7 days): abandoned attempts, lost races, rejected and rolled-back commits, the orphans of redelivered items; and the
/// cache files of that age: the raw map step's (<see cref="LandingMap.SweepAsync"/>) and staging's event id exchange
/// (<see cref="IdExchange.SweepAsync"/>). Both
/// hosts' daily timers run it after starting the day's run, so it follows <c>DailySchedule</c> (daily by default).
/// </summary>
public sealed class GarbageSweep(LakeReady lakeReady, ILogger<GarbageSweep> logger)
{
    /// <summary>Sweeps every dataset.</summary>
    /// <param name="cancellationToken">Cancels the sweep; what is left is collected by the next one.</param>
    /// <returns>How many commit folders were deleted.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var lake = await lakeReady.GetAsync().ConfigureAwait(false);
        var collector = new CommitGarbageCollector(lake);
        var deleted = 0;
        foreach (var dataset in (string[])[Datasets.Raw, Datasets.Staging, .. FeatureVersions.All.Select(v => v.Name)])
        {
            deleted += await collector.CollectDatasetAsync(dataset, cancellationToken).ConfigureAwait(false);
        }

        // The raw map step's files and staging's id exchange are caches of landing and raw, remade when missing.
        var caches = await new LandingMap(lake).SweepAsync(cancellationToken).ConfigureAwait(false)
            + await new IdExchange(lake).SweepAsync(cancellationToken).ConfigureAwait(false);
        Log.GarbageSwept(logger, deleted, caches, lake.Settings.GarbageRetention);
        return deleted;
    }
}

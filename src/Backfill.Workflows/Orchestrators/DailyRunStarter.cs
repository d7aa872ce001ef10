using Backfill.Core.Features;
using Backfill.Core.Versioning;
using Backfill.Storage.Building;
using Backfill.Storage.Daily;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Models;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Orchestrators;

/// <summary>
/// Starts the daily run of a scheduled day, once: the HTTP route, the Functions timer and the local host's
/// timer all come through here, so a duplicate trigger finds the day's existing run instead of starting another.
/// Concurrent triggers are decided by an atomic claim row; only its winner schedules the orchestration.
/// </summary>
public sealed class DailyRunStarter(IOptions<DailySettings> settings, IOptions<BackfillSettings> backfill, IOptions<VersionSettings> versions, IOptions<AlertSettings> alerts,
    IOptions<LayoutSettings> layout, DailyRunClaims claims)
{
    // Longer than any start takes, so a slow winner is never overtaken.
    private static readonly TimeSpan ClaimStaleAfter = TimeSpan.FromMinutes(2);

    /// <summary>Starts the run scheduled at <paramref name="asOf"/> unless the day's run exists (in any state).</summary>
    /// <returns>The run's id and whether this call created it.</returns>
    public async Task<(string Id, bool Created)> StartAsync(DurableTaskClient client, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var id = DailyOrchestrator.InstanceIdOf(asOf);
        if (await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false) is not null)
        {
            return (id, false);
        }

        // A claim whose run never appeared means its claimer died between the two steps.
        if (!await claims.TryClaimAsync(id, ClaimStaleAfter, cancellationToken).ConfigureAwait(false))
        {
            return (id, false);
        }

        var daily = settings.Value;
        var input = new DailyRunInput(
            asOf, FeatureVersions.Get(daily.Target).Name, daily.LagDays, daily.RollingDays, daily.Catchup, daily.MaxCatchupDays, daily.MaxParallel,
            daily.RepairLateBeyondWindow, daily.Retries, backfill.Value.RetryDelaySeconds, CodeVersion.Current.Value,
            FeatureVersions.All.ToDictionary(version => version.Name, version => version.ConfigHash), versions.Value.RetainDays,
            WatermarkStallDays: alerts.Value.WatermarkStallDays,
            Buckets: layout.Value.Pinned(new[] { Datasets.Raw, Datasets.Staging }.Concat(FeatureVersions.All.Select(version => version.Name))));
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(DailyOrchestrator), input, new StartOrchestrationOptions(id), cancellationToken)
            .ConfigureAwait(false);
        return (id, true);
    }
}

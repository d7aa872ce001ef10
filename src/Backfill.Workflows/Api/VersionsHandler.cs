using System.Globalization;
using System.Text.Json;
using Backfill.Core.Features;
using Backfill.Core.Partitions;
using Backfill.Core.Pointers;
using Backfill.Storage.Pointers;
using Backfill.Storage.Reading;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Json;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Backfill.Workflows.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Api;

/// <summary>
/// The version lifecycle API: <c>GET /api/versions</c> and <c>POST /api/versions/{v}/retire</c>. Reads first move the
/// registry's mirror blob up to the entity's state, as pointer reads do.
/// </summary>
public sealed class VersionsHandler(LakeReady lakeReady, PointersHandler pointers, IOptions<BackfillSettings> settings, IOptions<VersionSettings> versions)
{
    private const string IdPrefix = "retire-";

    /// <summary>The version state of <paramref name="version"/> as the pointer and the registry hold it now; null when the registry does not know it.</summary>
    internal static async Task<string?> StateOfAsync(DurableTaskClient client, string version, CancellationToken cancellationToken)
    {
        var registry = await ReadAsync(client, cancellationToken).ConfigureAwait(false);
        return registry.Find(version) is { } entry ? Name(entry.State) : null;
    }

    /// <summary><c>GET /api/versions</c>: every feature version with its state, committed watermark, first and last committed day and gaps.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Results.Json(await ViewAsync(client, request.HttpContext.RequestAborted).ConfigureAwait(false), ApiJson.Options);
    }

    /// <summary><c>POST /api/versions/{version}/retire</c>: 200 with the versions, 409 for the live version, 404 for an unknown one, 202 if it takes longer than a flip may.</summary>
    public async Task<IResult> RetireAsync(HttpRequest request, DurableTaskClient client, string version)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (FeatureVersions.All.All(v => v.Name != version))
        {
            return Problems.NotFound($"No feature version named '{version}'; known: {string.Join(", ", FeatureVersions.All.Select(v => v.Name))}.");
        }

        var cancellationToken = request.HttpContext.RequestAborted;
        var id = string.Create(CultureInfo.InvariantCulture, $"{IdPrefix}{version}-{Guid.NewGuid().ToString("N")[..12]}");
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(RetireVersionOrchestrator), version, new StartOrchestrationOptions(id), cancellationToken)
            .ConfigureAwait(false);
        if (await BoundedWait.ForAsync(client, id, settings.Value.FlipWaitSeconds, cancellationToken).ConfigureAwait(false) is not { } metadata)
        {
            // The registry is busy (a daily run is calling it); the retire still applies when its turn comes.
            return Results.Accepted(value: new Dictionary<string, string> { ["id"] = id });
        }

        var change = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? metadata.ReadOutputAs<VersionChange>() : null;
        if (change is null)
        {
            return Results.Problem($"The retire run {id} ended {metadata.RuntimeStatus}: {metadata.FailureDetails?.ErrorMessage}", statusCode: StatusCodes.Status500InternalServerError);
        }

        return change.Refused is { } refused
            ? Problems.Conflict(refused, new Dictionary<string, object?> { ["version"] = version })
            : Results.Json(await ViewAsync(client, cancellationToken).ConfigureAwait(false), ApiJson.Options);
    }

    private async Task<VersionsView> ViewAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var pointer = await pointers.ReconcileAsync(client, FeaturePointer.Name, cancellationToken).ConfigureAwait(false);
        var lake = await lakeReady.GetAsync().ConfigureAwait(false);
        var stored = await ReadAsync(client, cancellationToken).ConfigureAwait(false);
        if (stored.Sequence > 0)
        {
            await new VersionRegistryStore(lake).AdvanceAsync(FeaturePointer.Name, stored, cancellationToken).ConfigureAwait(false);
        }

        // What the registry's next operation will hold: the pointer is the judge of which version is live.
        var registry = stored.Sync(pointer.Current);
        var reader = new PartitionReader(lake);
        var views = new List<VersionView>();
        foreach (var version in FeatureVersions.All)
        {
            var entry = registry.Find(version.Name);
            var daily = await DailyHandler.ReadStateAsync(client, version.Name, cancellationToken).ConfigureAwait(false);
            var days = await reader.ListCommittedDaysAsync(version.Name, cancellationToken).ConfigureAwait(false);
            var first = days.Count > 0 ? days.Min() : (Day?)null;
            var last = days.Count > 0 ? days.Max() : (Day?)null;
            var committed = days.ToHashSet();
            var gaps = first is { } from && last is { } to
                ? Enumerable.Range(0, to.Date.DayNumber - from.Date.DayNumber + 1).Select(from.AddDays).Where(day => !committed.Contains(day)).ToList()
                : [];
            views.Add(new VersionView(
                version.Name, entry is null ? null : Name(entry.State), entry?.FirstDay?.ToString(), entry?.Since?.ToString(), daily.Watermark?.ToString(),
                first?.ToString(), last?.ToString(), gaps.Count > 0 ? new PartitionSet(gaps).ToExpression() : null, version.InputWindowDays));
        }

        return new VersionsView(FeaturePointer.Name, pointer.Current, stored.Sequence, registry.LastWatermark?.ToString(), versions.Value.RetainDays, views);
    }

    private static async Task<VersionLifecycle> ReadAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var entity = await client.Entities.GetEntityAsync<VersionLifecycle>(VersionRegistryEntity.Features, includeState: true, cancellationToken).ConfigureAwait(false);
        return entity?.State ?? VersionLifecycle.Empty;
    }

    private static string Name(VersionState state) => JsonNamingPolicy.CamelCase.ConvertName(state.ToString());
}

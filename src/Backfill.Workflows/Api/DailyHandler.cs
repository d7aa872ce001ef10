using System.Globalization;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Json;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Api;

/// <summary>
/// <c>POST /api/daily/run</c>, <c>GET /api/daily/{id}</c> and <c>GET /api/daily/watermark</c>. The client is a
/// parameter because each host supplies its own.
/// </summary>
public sealed class DailyHandler(DailyRunStarter starter, IOptions<DailySettings> settings, TimeProvider time)
{
    /// <summary>202 with the new run; 200 with the same body when the scheduled day's run already exists.</summary>
    public async Task<IResult> RunAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, problem) = await JsonBody.ReadOptionalAsync<DailyRunBody>(request).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var asOf = time.GetUtcNow();
        if (body?.AsOf is { } text
            && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out asOf))
        {
            return Problems.Invalid("asOf", $"asOf must be an ISO 8601 time such as 2025-03-09T02:00:00Z; got '{text}'.");
        }

        var (id, created) = await starter.StartAsync(client, asOf, request.HttpContext.RequestAborted).ConfigureAwait(false);
        var statusUri = ApiUris.Of(request, DailyRoutes.Item, "id", id);
        var accepted = new DailyAccepted(id, statusUri, created);
        return created ? Results.Accepted(statusUri, accepted) : Results.Json(accepted, ApiJson.Options);
    }

    /// <summary>The run's status with per-day results, or 404.</summary>
    public static async Task<IResult> GetAsync(DurableTaskClient client, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!InstanceIds.IsWellFormed(id) || !id.StartsWith(Orchestrators.DailyOrchestrator.IdPrefix, StringComparison.Ordinal))
        {
            return Problems.NotFound($"No daily run with id '{id}'.");
        }

        var metadata = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        // A day's sub-orchestration shares the prefix but is not a run.
        return metadata is null || metadata.Name != nameof(Orchestrators.DailyOrchestrator)
            ? Problems.NotFound($"No daily run with id '{id}'.")
            : Results.Json(DailyRunView.Of(metadata), ApiJson.Options);
    }

    /// <summary>The committed watermark and what is queued.</summary>
    public async Task<IResult> WatermarkAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var state = await ReadStateAsync(client, settings.Value.Target, cancellationToken).ConfigureAwait(false);
        var daily = settings.Value;
        return Results.Json(
            new DailyWatermarkView(
                state.Watermark?.ToString(), daily.Target, daily.LagDays, daily.RollingDays, [.. state.CommittedDays.Select(d => d.ToString())],
                [.. state.PendingRepairs.Select(d => d.ToString())], state.LastRunAsOf),
            ApiJson.Options);
    }

    /// <summary>The durable watermark state of <paramref name="target"/>; empty before the first run.</summary>
    internal static async Task<DailyWatermarkState> ReadStateAsync(DurableTaskClient client, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var entity = await client.Entities.GetEntityAsync<DailyWatermarkState>(
            new EntityInstanceId(nameof(DailyWatermarkEntity), target), includeState: true, cancellationToken).ConfigureAwait(false);
        return entity?.State ?? new DailyWatermarkState();
    }
}

using Backfill.Core.Claims;
using Backfill.Core.Partitions;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Backfill.Workflows.Api;

/// <summary><c>GET /api/claims</c> lists the active claims; <c>DELETE /api/claims/{runId}</c> frees one run's claims by hand.</summary>
public sealed class ClaimsHandler(TimeProvider time, ILogger<ClaimsHandler> logger)
{
    /// <summary><c>GET /api/claims?dataset=&amp;from=&amp;to=</c>: every claim whose lease runs, optionally of one dataset and overlapping a range.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        var dataset = request.Query["dataset"].ToString();
        if (dataset.Length > 0 && !PartitionsHandler.KnownDatasets.Contains(dataset, StringComparer.Ordinal))
        {
            errors["dataset"] = [$"dataset must be one of {string.Join(", ", PartitionsHandler.KnownDatasets)}; got '{dataset}'."];
        }

        var from = QueryDay.Read(request, "from", errors);
        var to = QueryDay.Read(request, "to", errors);
        if (from is { } f && to is { } t && f > t)
        {
            errors["to"] = [$"to must not be before from; got {t} < {f}."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var state = await ClaimHolders.ReadAsync(client, request.HttpContext.RequestAborted).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var views = new List<ClaimView>();
        foreach (var (runId, claim) in state.Runs.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (ClaimBook.IsExpired(claim, now))
            {
                continue;
            }

            foreach (var (name, expression) in claim.Datasets.Where(d => dataset.Length == 0 || d.Key == dataset))
            {
                var days = ClaimBook.Days(expression).Where(d => (from is null || d >= from) && (to is null || d <= to)).ToList();
                if (days.Count > 0)
                {
                    views.Add(new ClaimView(runId, claim.Daily, name, new PartitionSet(days).ToExpression(), claim.RenewedAt, claim.RenewedAt + ClaimBook.Lease));
                }
            }
        }

        return Results.Json(new { claims = views }, ApiJson.Options);
    }

    /// <summary><c>DELETE /api/claims/{runId}</c>: frees the run's claims at once (logged); 404 when it holds none.</summary>
    public async Task<IResult> DeleteAsync(HttpRequest request, DurableTaskClient client, string runId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var cancellationToken = request.HttpContext.RequestAborted;
        var state = InstanceIds.IsWellFormed(runId) ? await ClaimHolders.ReadAsync(client, cancellationToken).ConfigureAwait(false) : null;
        if (state is null || !state.Runs.TryGetValue(runId, out var claim))
        {
            return Problems.NotFound($"Run '{runId}' holds no claims.");
        }

        await FreeAsync(client, runId, cancellationToken).ConfigureAwait(false);
        var held = string.Join("; ", claim.Datasets.Select(d => $"{d.Key} {d.Value}"));
        Log.ClaimsFreedByHand(logger, runId, held);
        return Results.Json(new { runId, freed = claim.Datasets }, ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>Frees the run's claims (a signal: nothing waits for it, and freeing is idempotent).</summary>
    internal static Task FreeAsync(DurableTaskClient client, string runId, CancellationToken cancellationToken) =>
        client.Entities.SignalEntityAsync(ClaimEntity.Global, nameof(ClaimEntity.Release), runId, cancellation: cancellationToken);
}

using Backfill.Core.Partitions;
using Backfill.Storage.Alerts;
using Backfill.Storage.Commits;
using Backfill.Workflows.Alerts;
using Backfill.Workflows.Json;
using Backfill.Workflows.Pipeline;
using Microsoft.AspNetCore.Http;

namespace Backfill.Workflows.Api;

/// <summary>
/// <c>POST /api/partitions/{dataset}/{date}/rollback</c> <c>{ "toCommit": "…" }</c>: makes an earlier commit of one
/// partition live again (<see cref="PartitionRollback"/>), with the same conditional manifest replace as publish.
/// The newer commits' lineage rows say <c>rolled_back</c> and a warning alert records who and what.
/// </summary>
public sealed class PartitionRollbackHandler(LakeReady lakeReady, AlertRaiser alerts)
{
    /// <summary>The route.</summary>
    public const string Route = "partitions/{dataset}/{date}/rollback";

    /// <summary>Validates the request, rolls back, alerts: 200, or 400, 404 or 409 as problem details.</summary>
    public async Task<IResult> RollbackAsync(HttpRequest request, string dataset, string date)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!PartitionsHandler.KnownDatasets.Contains(dataset, StringComparer.Ordinal))
        {
            return Problems.NotFound($"No dataset '{dataset}'; datasets are {string.Join(", ", PartitionsHandler.KnownDatasets)}.");
        }

        if (!Day.TryParse(date, out var day))
        {
            return Problems.Invalid("date", $"date must be a day as YYYY-MM-DD; got '{date}'.");
        }

        var (body, problem) = await JsonBody.ReadAsync<PartitionRollbackBody>(request).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(body!.ToCommit))
        {
            return Problems.Invalid("toCommit", "toCommit must name the commit to make live again.");
        }

        var cancellationToken = request.HttpContext.RequestAborted;
        var lake = await lakeReady.GetAsync().ConfigureAwait(false);
        var result = await new PartitionRollback(lake).RollbackToAsync(dataset, day, body.ToCommit, cancellationToken).ConfigureAwait(false);
        var partition = $"{dataset}/{day}";
        switch (result.Status)
        {
            case RollbackStatus.NoPartition:
                return Problems.NotFound($"{partition} has no live commit.");
            case RollbackStatus.UnknownCommit:
                return Problems.NotFound($"toCommit '{body.ToCommit}' is not a previous commit {partition} remembers; live is {result.LiveCommitId}.");
            case RollbackStatus.AlreadyLive:
                return Problems.Conflict($"Commit {body.ToCommit} is already live in {partition}.", new Dictionary<string, object?> { ["commitId"] = result.LiveCommitId });
            case RollbackStatus.Conflict:
                return Problems.Conflict($"{partition} changed meanwhile; read it again and retry.", new Dictionary<string, object?> { ["commitId"] = result.LiveCommitId });
        }

        var runId = "rollback-" + Guid.NewGuid().ToString("N")[..12];
        var rolledBack = result.RolledBack ?? [];
        await alerts.RaiseAsync(
            AlertSeverity.Warning, AlertKinds.PartitionRollback,
            $"{partition} rolled back to commit {result.LiveCommitId}; {rolledBack.Count} newer commit(s) no longer live.",
            dataset, day.ToString(), runId, new { commitId = result.LiveCommitId, rolledBack }, cancellationToken).ConfigureAwait(false);
        return Results.Json(new PartitionRollbackView(dataset, day.ToString(), result.LiveCommitId!, rolledBack, runId), ApiJson.Options);
    }
}

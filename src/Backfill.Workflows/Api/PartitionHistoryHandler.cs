using System.Text.Json;
using Backfill.Storage.Commits;
using Backfill.Storage.Lineage;
using Backfill.Storage.Reading;
using Backfill.Workflows.Json;
using Backfill.Workflows.Pipeline;
using Microsoft.AspNetCore.Http;

namespace Backfill.Workflows.Api;

/// <summary>
/// <c>GET /api/partitions/{dataset}/{date}/history?limit=</c>: every commit of one partition from the lineage table,
/// newest first, each with its state and its inputs. The manifest says which commit is live, so a live commit whose
/// row still says staged (a publish stopped between the manifest and lineage writes) shows as published.
/// </summary>
public sealed class PartitionHistoryHandler(LakeReady lakeReady)
{
    /// <summary>The route.</summary>
    public const string Route = "partitions/{dataset}/{date}/history";

    /// <summary>Commits returned when the request names no limit.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The most commits one request may ask for: a partition rebuilt many times still answers in bounds.</summary>
    public const int MaxLimit = 500;

    /// <summary>Lists the partition's commits: 200, 400 naming <c>dataset</c>, <c>date</c> or <c>limit</c>, or 404 when it has none.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, string dataset, string date)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        if (!PartitionsHandler.KnownDatasets.Contains(dataset, StringComparer.Ordinal))
        {
            errors["dataset"] = [$"dataset must be one of {string.Join(", ", PartitionsHandler.KnownDatasets)}; got '{dataset}'."];
        }

        var day = QueryDay.Parse("date", date, errors);

        var limit = QueryLimit.Read(request, DefaultLimit, MaxLimit, errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var partition = day!.Value;
        var cancellationToken = request.HttpContext.RequestAborted;
        var lake = await lakeReady.GetAsync().ConfigureAwait(false);
        var entries = await new LineageStore(lake).ListAsync(dataset, partition, cancellationToken).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            return Problems.NotFound($"{dataset}/{partition} has no commit: nothing has built it yet.");
        }

        var live = (await new PartitionReader(lake).GetManifestAsync(dataset, partition, cancellationToken).ConfigureAwait(false))?.Commit.CommitId;

        // Commit ids are version 7 UUIDs: ordinal order is creation order.
        var commits = entries.OrderByDescending(e => e.CommitId, StringComparer.Ordinal).Take(limit).Select(e => View(request, e, live)).ToList();
        return Results.Json(new PartitionHistoryView(dataset, partition.ToString(), live, entries.Count, commits), ApiJson.Options);
    }

    private static PartitionCommitView View(HttpRequest request, LineageEntry entry, string? live) => new(
        entry.CommitId,
        State(entry, live),
        entry.RunId,
        Name(entry.Trigger),
        entry.BackfillId,
        entry.CodeVersion,
        entry.ConfigHash,
        Name(entry.WriteMode),
        entry.RowCount,
        entry.ContentHash,
        entry.PreviousCommitId,
        entry.PublishedAt,
        entry.Validation is { } validation ? Name(validation) : null,
        [.. entry.ValidationResults.Select(ValidationResultView.Of)],
        [.. entry.InputCommitIds.Select(LineageStore.ParseInputId).Select(input => new CommitInputView(
            input.Dataset, input.Partition.ToString(), input.CommitId,
            ApiUris.Of(request, Route, ("dataset", input.Dataset), ("date", input.Partition.ToString()))))],
        entry.Buckets?.Select(b => new CommitBucketView(b.Bucket, b.RowCount, b.Bytes, b.BuildMilliseconds, b.StageMilliseconds, b.Worker)).ToList());

    /// <summary>The live commit is published; a row that says published but is no longer live was superseded.</summary>
    private static string State(LineageEntry entry, string? live) =>
        entry.CommitId == live ? Name(CommitStatus.Published)
        : entry.Status == CommitStatus.Published ? "superseded"
        : Name(entry.Status);

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}

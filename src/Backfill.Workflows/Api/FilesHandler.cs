using Backfill.Core.Partitions;
using Backfill.Storage.Pointers;
using Backfill.Storage.Reading;
using Backfill.Workflows.Json;
using Microsoft.AspNetCore.Http;

namespace Backfill.Workflows.Api;

/// <summary>
/// <c>GET /api/files/{dataset}?from=&amp;to=</c>: the live files of a day range, for readers outside the app (DuckDB,
/// pandas, Spark) that read Parquet themselves. The pointer (<c>features</c>) is resolved once, through its mirror, so
/// every day of the list is of the one version it named at that moment.
/// </summary>
public sealed class FilesHandler(Pipeline.LakeReady lakeReady)
{
    /// <summary>The route under <c>/api</c>.</summary>
    public const string Route = "files/{dataset}";

    /// <summary>200 with each day's live files; 400 naming <c>from</c> or <c>to</c>; 404 for an unknown dataset.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, string dataset)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (QueryDay.ReadRange(request, out var from, out var to) is { } malformed)
        {
            return malformed;
        }

        var errors = new Dictionary<string, string[]>();
        if (from is null)
        {
            errors["from"] = ["from is required: the first day to list, as YYYY-MM-DD."];
        }

        if (to is null)
        {
            errors["to"] = ["to is required: the last day to list, as YYYY-MM-DD."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (from > to)
        {
            return Problems.Invalid("to", $"to ({to}) is before from ({from}).");
        }

        if (to!.Value.Date.DayNumber - from!.Value.Date.DayNumber >= PartitionSetParseOptions.DefaultMaxDays)
        {
            return Problems.Invalid("to", $"At most {PartitionSetParseOptions.DefaultMaxDays} days per request.");
        }

        var lake = await lakeReady.GetAsync().ConfigureAwait(false);
        var cancellationToken = request.HttpContext.RequestAborted;
        var resolved = PartitionsHandler.KnownDatasets.Contains(dataset, StringComparer.Ordinal)
            ? dataset
            : (await new FeatureReader(new PartitionReader(lake), new PointerStore(lake)).ResolveAsync(dataset, cancellationToken).ConfigureAwait(false))?.Name;
        if (resolved is null)
        {
            return Problems.NotFound($"No dataset or pointer named '{dataset}'; datasets are {string.Join(", ", PartitionsHandler.KnownDatasets)}.");
        }

        var list = await new LiveFileLister(lake).ListAsync(resolved, from.Value, to.Value, cancellationToken).ConfigureAwait(false);
        return Results.Json(FilesView.Of(dataset, from.Value, to.Value, list), ApiJson.Options);
    }
}

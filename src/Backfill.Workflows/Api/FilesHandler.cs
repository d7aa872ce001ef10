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

    /// <summary>The most days one request may cover: ten years, one manifest read each.</summary>
    public const int MaxDays = 3_660;

    /// <summary>
    /// 200 with each day's live files; 400 naming <c>from</c> or <c>to</c>; 404 for a name that is neither a pointer nor
    /// a feature version (raw and staging are the pipeline's own inputs, not what training reads).
    /// </summary>
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

        if (to!.Value.Date.DayNumber - from!.Value.Date.DayNumber >= MaxDays)
        {
            return Problems.Invalid("to", $"At most {MaxDays} days per request; {from}..{to} is {to.Value.Date.DayNumber - from.Value.Date.DayNumber + 1}.");
        }

        var lake = await lakeReady.GetAsync().ConfigureAwait(false);
        var cancellationToken = request.HttpContext.RequestAborted;
        var features = await new FeatureReader(new PartitionReader(lake), new PointerStore(lake)).ResolveAsync(dataset, cancellationToken).ConfigureAwait(false);
        if (features is null)
        {
            return Problems.NotFound($"No dataset or pointer named '{dataset}'.");
        }

        var list = await new LiveFileLister(lake).ListAsync(features.Name, from.Value, to.Value, cancellationToken).ConfigureAwait(false);
        return Results.Json(FilesView.Of(dataset, from.Value, to.Value, list), ApiJson.Options);
    }
}

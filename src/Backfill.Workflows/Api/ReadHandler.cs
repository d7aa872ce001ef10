using System.Globalization;
using Backfill.Core.Partitions;
using Backfill.Storage.Pointers;
using Backfill.Storage.Reading;
using Backfill.Workflows.Json;
using Microsoft.AspNetCore.Http;

namespace Backfill.Workflows.Api;

/// <summary>
/// <c>GET /api/read/{dataset}/{date}?limit=100</c>: one partition read the way training reads it. The pointer
/// (<c>features</c>) is resolved through its mirror blob; a feature version's name is read directly. Only the buckets
/// needed for <c>limit</c> rows are read, so a look at a day of 20M entities costs one bucket, not the day.
/// </summary>
public sealed class ReadHandler(Pipeline.LakeReady lakeReady)
{
    /// <summary>Most rows one read returns.</summary>
    public const int MaxLimit = 10_000;

    /// <summary>Reads the partition: 200 with its rows, 400 naming a bad date or limit, 404 for an unknown dataset or a missing partition.</summary>
    public async Task<IResult> ReadAsync(HttpRequest request, string dataset, string date)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        if (!Day.TryParse(date, out var day))
        {
            errors["date"] = [$"date must be a date YYYY-MM-DD; got '{date}'."];
        }

        var limit = 100;
        if (request.Query["limit"].ToString() is { Length: > 0 } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 0 or > MaxLimit))
        {
            errors["limit"] = [$"limit must be between 0 and {MaxLimit}; got '{limitText}'."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var lake = await lakeReady.GetAsync().ConfigureAwait(false);
        var reader = new FeatureReader(new PartitionReader(lake), new PointerStore(lake));
        var cancellationToken = request.HttpContext.RequestAborted;
        var features = await reader.ResolveAsync(dataset, cancellationToken).ConfigureAwait(false);
        if (features is null)
        {
            return Problems.NotFound($"No dataset or pointer named '{dataset}'.");
        }

        if (await reader.ReadHeadAsync(features, day, limit, cancellationToken).ConfigureAwait(false) is not { } head)
        {
            return Problems.NotFound($"{features.Name} has no committed partition for {day}.");
        }

        var columns = FeatureReader.Columns(features).Select(c => c.Name).ToList();
        var rows = head.Rows.Take(limit).Select(row =>
        {
            var values = new Dictionary<string, object>(columns.Count, StringComparer.Ordinal)
            {
                [columns[0]] = row.EntityId,
                [columns[1]] = row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            for (var i = 0; i < row.Values.Length; i++)
            {
                values[columns[i + 2]] = row.Values[i];
            }

            return values;
        }).ToList();
        return Results.Json(new ReadView(dataset, features.Name, day.ToString(), head.Commit.CommitId, head.Commit.RowCount, columns, rows), ApiJson.Options);
    }
}

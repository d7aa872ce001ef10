using Backfill.Core.Partitions;
using Backfill.Storage.Daily;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Api;

/// <summary><c>GET /api/late-data?from=&amp;to=</c>: the late-arrival metrics of every day in the range.</summary>
public sealed class LateDataHandler(LateDataStore store, IOptions<DailySettings> settings)
{
    /// <summary>The most days one request may cover.</summary>
    public const int MaxDays = 366;

    /// <summary>200 with the metrics; 400 naming <c>from</c> or <c>to</c> when they are missing, malformed or reversed.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        var from = Day(request, "from", errors);
        var to = Day(request, "to", errors);
        if (errors.Count == 0 && from > to)
        {
            errors["to"] = [$"to ({to}) is before from ({from})."];
        }
        else if (errors.Count == 0 && to.Date.DayNumber - from.Date.DayNumber >= MaxDays)
        {
            errors["to"] = [$"At most {MaxDays} days per request."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var daily = settings.Value;
        var cancellationToken = request.HttpContext.RequestAborted;
        var state = await DailyHandler.ReadStateAsync(client, daily.Target, cancellationToken).ConfigureAwait(false);
        var recorded = (await store.ReadAsync(daily.Target, from, to, cancellationToken).ConfigureAwait(false)).ToDictionary(m => m.Day);
        var days = new List<LateDataDayView>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            days.Add(recorded.TryGetValue(day, out var m)
                ? new LateDataDayView(
                    day.ToString(), m.Landed.OnTime, m.Landed.Late0To24Hours, m.Landed.Late24To48Hours, m.Landed.LateOver48Hours,
                    m.IncludedAtFirstProcessing, m.PickedUpByRolling, m.RepairedAfterWindow, m.BeyondWatermarkPending, m.Landed.Duplicates, m.Landed.Malformed)
                : new LateDataDayView(day.ToString(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        }

        return Results.Json(new LateDataView(from.ToString(), to.ToString(), state.Watermark?.ToString(), daily.RollingDays, days), ApiJson.Options);
    }

    private static PartitionKey Day(HttpRequest request, string name, Dictionary<string, string[]> errors)
    {
        string? text = request.Query[name];
        if (PartitionKey.TryParse(text, out var day))
        {
            return day;
        }

        errors[name] = [text is null ? $"{name} is required (YYYY-MM-DD)." : $"{name} must be a day YYYY-MM-DD; got '{text}'."];
        return default;
    }
}

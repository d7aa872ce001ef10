using Backfill.Core.Partitions;
using Backfill.Storage.Daily;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Api;

/// <summary><c>GET /api/late-data?from=&amp;to=</c>: the late-data metrics of every day in the range.</summary>
public sealed class LateDataHandler(LateDataStore store, IOptions<DailySettings> settings, TimeProvider time)
{
    /// <summary>The most days one request may cover.</summary>
    public const int MaxDays = 366;

    /// <summary>The days a request without <c>from</c> covers.</summary>
    public const int DefaultDays = 30;

    /// <summary>
    /// 200 with the metrics; 400 naming <c>from</c> or <c>to</c> when malformed or reversed. Without <c>to</c> the
    /// range ends at the committed watermark (today before the first commit); without <c>from</c> it is 30 days.
    /// </summary>
    public async Task<IResult> GetAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (QueryDay.ReadRange(request, out var from, out var to) is { } malformed)
        {
            return malformed;
        }

        var daily = settings.Value;
        var cancellationToken = request.HttpContext.RequestAborted;
        var state = await DailyHandler.ReadStateAsync(client, daily.Target, cancellationToken).ConfigureAwait(false);
        var last = to ?? state.Watermark ?? new Day(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var first = from ?? last.AddDays(1 - DefaultDays);
        if (first > last)
        {
            return Problems.Invalid("to", $"to ({last}) is before from ({first}).");
        }

        if (last.Date.DayNumber - first.Date.DayNumber >= MaxDays)
        {
            return Problems.Invalid("to", $"At most {MaxDays} days per request.");
        }

        var recorded = (await store.ReadAsync(first, last, cancellationToken).ConfigureAwait(false)).ToDictionary(m => m.Day);
        var days = new List<LateDataDayView>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add(recorded.TryGetValue(day, out var m)
                ? new LateDataDayView(
                    day.ToString(), m.Landed.OnTime, m.Landed.Late0To24Hours, m.Landed.Late24To48Hours, m.Landed.LateOver48Hours,
                    m.IncludedAtFirstProcessing, m.PickedUpByRolling, m.RepairedAfterWindow, m.BeyondWatermarkPending, m.Landed.Duplicates, m.Landed.Malformed,
                    m.LastProcessedAt)
                : new LateDataDayView(day.ToString(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        }

        return Results.Json(new LateDataView(first.ToString(), last.ToString(), state.Watermark?.ToString(), daily.RollingDays, days), ApiJson.Options);
    }
}

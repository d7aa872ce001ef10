using System.Globalization;
using Backfill.Storage.Alerts;
using Backfill.Workflows.Alerts;
using Backfill.Workflows.Json;
using Microsoft.AspNetCore.Http;

namespace Backfill.Workflows.Api;

/// <summary><c>GET /api/alerts?from=&amp;to=&amp;limit=</c>: alerts raised in a time range, newest first.</summary>
public sealed class AlertsHandler(AlertStore alerts)
{
    /// <summary>The route, shared by both hosts.</summary>
    public const string Route = "alerts";

    /// <summary>The number of alerts returned when the request names no limit.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The most alerts one request may ask for.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Lists alerts; 400 naming the field for a bad <c>from</c>, <c>to</c> or <c>limit</c>.</summary>
    /// <param name="request">The request with its query.</param>
    /// <returns>200 with <see cref="AlertsView"/>, or a problem.</returns>
    public async Task<IResult> ListAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        if (!TryTime(query["from"], out var from))
        {
            return Problems.Invalid("from", "Must be an ISO 8601 date-time with offset, e.g. 2025-01-10T00:00:00Z.");
        }

        if (!TryTime(query["to"], out var to))
        {
            return Problems.Invalid("to", "Must be an ISO 8601 date-time with offset, e.g. 2025-01-11T00:00:00Z.");
        }

        if (from > to)
        {
            return Problems.Invalid("from", "Must not be after 'to'.");
        }

        var errors = new Dictionary<string, string[]>();
        var limit = QueryLimit.Read(request, DefaultLimit, MaxLimit, errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var found = await alerts.ListAsync(from, to, limit, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return Results.Json(new AlertsView([.. found.Select(AlertView.Of)]), ApiJson.Options);
    }

    private static bool TryTime(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }
}

using System.Text.Json;
using Backfill.Storage.Alerts;

namespace Backfill.Workflows.Alerts;

/// <summary>One alert, as <c>GET /api/alerts</c> returns it and the webhook receives it.</summary>
/// <param name="RaisedAt">When it was raised.</param>
/// <param name="Severity"><c>error</c>, <c>warning</c> or <c>info</c>.</param>
/// <param name="Kind">What happened, e.g. <c>validation_failed</c>.</param>
/// <param name="Dataset">The dataset, if any.</param>
/// <param name="Partition">The partition's day, if any.</param>
/// <param name="RunId">The run (backfill id) that raised it, if any.</param>
/// <param name="Message">A sentence for people.</param>
/// <param name="Details">Structured details, e.g. the failed validation results.</param>
/// <param name="DedupKey">The condition's key when it alerts once while it persists (e.g. <c>watermark_stalled:features_v2:2025-03-07</c>).</param>
public sealed record AlertView(
    DateTimeOffset RaisedAt, string Severity, string Kind, string? Dataset, string? Partition, string? RunId, string Message, JsonElement? Details,
    string? DedupKey)
{
    /// <summary>The view of a stored alert.</summary>
    /// <param name="alert">The alert.</param>
    /// <returns>The view.</returns>
    public static AlertView Of(AlertRecord alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new AlertView(
            alert.RaisedAt, alert.Severity.ToString().ToLowerInvariant(), alert.Kind, alert.Dataset, alert.Partition, alert.RunId,
            alert.Message, alert.Details, alert.DedupKey);
    }
}

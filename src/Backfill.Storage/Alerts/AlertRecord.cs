using System.Text.Json;

namespace Backfill.Storage.Alerts;

/// <summary>One row of the <c>alerts</c> table.</summary>
/// <param name="RaisedAt">When it was raised.</param>
/// <param name="Severity">Error, warning or info.</param>
/// <param name="Kind">What happened, snake_case, e.g. <c>validation_failed</c>.</param>
/// <param name="Dataset">The dataset it is about, if any.</param>
/// <param name="Partition">The partition's day (<c>YYYY-MM-DD</c>), if any.</param>
/// <param name="RunId">The run (backfill id or daily run id) that raised it, if any.</param>
/// <param name="Message">A sentence for people.</param>
/// <param name="Details">Structured details, e.g. the failed validation results; null when there are none.</param>
/// <param name="DedupKey">The condition's key (e.g. <c>watermark_stalled:features_v2:2025-03-07</c>): a condition that persists is alerted once; null for an alert raised every time.</param>
public sealed record AlertRecord(
    DateTimeOffset RaisedAt,
    AlertSeverity Severity,
    string Kind,
    string? Dataset,
    string? Partition,
    string? RunId,
    string Message,
    JsonElement? Details,
    string? DedupKey = null);

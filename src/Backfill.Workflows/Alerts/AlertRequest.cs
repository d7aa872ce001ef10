using Backfill.Storage.Alerts;

namespace Backfill.Workflows.Alerts;

/// <summary>An alert an orchestration raises through <c>RaiseAlertActivity</c>, once per <paramref name="DedupKey"/>.</summary>
/// <param name="Severity">Error, warning or info.</param>
/// <param name="Kind">One of <see cref="AlertKinds"/>.</param>
/// <param name="DedupKey">The condition, as <c>kind:subject:…</c> (e.g. <c>watermark_stalled:features_v2:2025-03-07</c>): while it persists, it alerts once.</param>
/// <param name="Message">A sentence for people.</param>
/// <param name="Dataset">The dataset, if any.</param>
/// <param name="Partition">The partition's day, if any.</param>
/// <param name="RunId">The run that raised it, if any.</param>
public sealed record AlertRequest(
    AlertSeverity Severity, string Kind, string DedupKey, string Message, string? Dataset = null, string? Partition = null, string? RunId = null);

namespace Backfill.Workflows.Api;

/// <summary>A state the pointer held before its current one.</summary>
public sealed record PointerHistoryView(string Version, long Sequence, DateTimeOffset? FlippedAt, string? FlippedBy);

namespace Backfill.Workflows.Models;

/// <summary>A state the pointer held before its current one.</summary>
/// <param name="Version">The dataset it named.</param>
/// <param name="Sequence">Its sequence.</param>
/// <param name="FlippedAt">When it took that state; null for the initial state.</param>
/// <param name="FlippedBy">What changed it to that state; null for the initial state.</param>
public sealed record PointerHistoryEntry(string Version, long Sequence, DateTimeOffset? FlippedAt, string? FlippedBy);

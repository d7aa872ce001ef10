namespace Backfill.Workflows.Models;

/// <summary>What one engine-check activity observed: when it ran and in which process.</summary>
public sealed record EngineCheckItemResult(int Index, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, int ProcessId);

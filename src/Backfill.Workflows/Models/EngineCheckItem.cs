namespace Backfill.Workflows.Models;

/// <summary>One activity of an engine check.</summary>
public sealed record EngineCheckItem(int Index, int WorkMilliseconds);

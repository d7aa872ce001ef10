namespace Backfill.Workflows.Models;

/// <summary>
/// Input of an engine check: <paramref name="Items"/> activities of <paramref name="WorkMilliseconds"/>
/// each, at most <paramref name="MaxParallel"/> in flight.
/// </summary>
public sealed record EngineCheckRequest(int Items, int MaxParallel, int WorkMilliseconds);

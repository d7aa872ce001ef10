namespace Backfill.Workflows.Api;

/// <summary>Body of <c>POST /api/engine-check</c>; absent fields take the defaults.</summary>
public sealed record EngineCheckBody(int? Items, int? MaxParallel, int? WorkMilliseconds);

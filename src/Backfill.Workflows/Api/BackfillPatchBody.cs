namespace Backfill.Workflows.Api;

/// <summary>Body of <c>PATCH /api/backfills/{id}</c>.</summary>
/// <param name="MaxParallel">The new max parallel (within <see cref="Backfill.Core.Scheduling.MaxParallelBounds"/>), applied at the next refill.</param>
public sealed record BackfillPatchBody(int? MaxParallel);

namespace Backfill.Workflows.Api;

/// <summary>Body of <c>PATCH /api/backfills/{id}</c>.</summary>
/// <param name="MaxParallel">The new max parallel (1..64), applied at the next refill.</param>
public sealed record BackfillPatchBody(int? MaxParallel);

namespace Backfill.Workflows.Models;

/// <summary>A backfill's claim on days of its target, held in the target's registry entity while it runs.</summary>
/// <param name="BackfillId">The backfill.</param>
/// <param name="Partitions">Its partition set, canonical form.</param>
public sealed record BackfillClaim(string BackfillId, string Partitions);

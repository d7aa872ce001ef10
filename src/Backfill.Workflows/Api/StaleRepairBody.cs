namespace Backfill.Workflows.Api;

/// <summary>A ready <c>POST /api/backfills</c> body that rebuilds stale partitions and what reads them.</summary>
/// <param name="Partitions">The days, <c>from..to</c>.</param>
/// <param name="Target">The feature version.</param>
/// <param name="Reprocess">Always <c>stale</c>.</param>
public sealed record StaleRepairBody(string Partitions, string Target, string Reprocess);

namespace Backfill.Workflows.Api;

/// <summary>One run's active claim on one dataset, as <c>GET /api/claims</c> lists it.</summary>
/// <param name="RunId">The holder: a backfill (<c>bf-…</c>) or a daily run (<c>daily-…</c>).</param>
/// <param name="Daily">Whether the holder is a daily run.</param>
/// <param name="Dataset">The dataset.</param>
/// <param name="Partitions">The days held, as a partition set (day ranges).</param>
/// <param name="RenewedAt">When the holder last claimed or renewed.</param>
/// <param name="ExpiresAt">When the lease runs out unless renewed.</param>
public sealed record ClaimView(string RunId, bool Daily, string Dataset, string Partitions, DateTimeOffset RenewedAt, DateTimeOffset ExpiresAt);

namespace Backfill.Core.Claims;

/// <summary>
/// One run's claim: the partitions it holds, per dataset, as canonical partition set expressions (day ranges),
/// so a 3,660-day backfill stores one short string per dataset, not one entry per day.
/// </summary>
/// <param name="Daily">Whether the holder is a daily run: its claims take partitions from backfills.</param>
/// <param name="Datasets">Dataset → the days it holds there (a canonical partition set expression).</param>
/// <param name="RenewedAt">When the holder last claimed or renewed (its orchestration time); the lease runs from here.</param>
public sealed record RunClaim(bool Daily, IReadOnlyDictionary<string, string> Datasets, DateTimeOffset RenewedAt);

namespace Backfill.Workflows.Api;

/// <summary>Body of <c>GET /api/partitions/{dataset}</c>: one entry per day from <paramref name="From"/> to <paramref name="To"/>.</summary>
/// <param name="Dataset">raw, staging or a feature version dataset.</param>
/// <param name="From">The first day.</param>
/// <param name="To">The last day (inclusive).</param>
/// <param name="Days">Every day of the range, oldest first.</param>
public sealed record PartitionsView(string Dataset, string From, string To, IReadOnlyList<PartitionDayView> Days);

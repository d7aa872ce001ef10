namespace Backfill.Workflows.Api;

/// <summary>Answer of <c>GET /api/partitions/{dataset}/{date}/history</c>: every commit of one partition, newest first.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Date">The partition's day.</param>
/// <param name="LiveCommitId">The commit the manifest names now; null when none is live.</param>
/// <param name="Total">How many commits the partition has; more than <c>commits</c> holds when <c>limit</c> cut it.</param>
/// <param name="Commits">The newest <c>limit</c> commits, newest first.</param>
public sealed record PartitionHistoryView(
    string Dataset, string Date, string? LiveCommitId, int Total, IReadOnlyList<PartitionCommitView> Commits);

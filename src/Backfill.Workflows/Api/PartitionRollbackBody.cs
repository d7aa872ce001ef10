namespace Backfill.Workflows.Api;

/// <summary>Body of <c>POST /api/partitions/{dataset}/{date}/rollback</c>.</summary>
/// <param name="ToCommit">The earlier commit to make live again: one the partition's manifest still remembers.</param>
public sealed record PartitionRollbackBody(string? ToCommit);

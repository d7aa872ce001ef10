namespace Backfill.Workflows.Api;

/// <summary>Answer of <c>POST /api/partitions/{dataset}/{date}/rollback</c>.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Date">The partition's day.</param>
/// <param name="CommitId">The commit live now: the one asked for.</param>
/// <param name="RolledBack">The commits no longer live, newest first; their lineage rows say <c>rolled_back</c>.</param>
/// <param name="RunId">The rollback's id, as its alert names it.</param>
public sealed record PartitionRollbackView(string Dataset, string Date, string CommitId, IReadOnlyList<string> RolledBack, string RunId);

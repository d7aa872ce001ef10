using Backfill.Core.Partitions;

namespace Backfill.Core.Lineage;

/// <summary>An upstream partition a commit read, pinned to the commit that was live when it was read.</summary>
/// <param name="Dataset">The upstream dataset, e.g. <c>staging</c>.</param>
/// <param name="Partition">The upstream partition's day.</param>
/// <param name="CommitId">The commit id read.</param>
public sealed record InputCommit(string Dataset, Day Partition, string CommitId);

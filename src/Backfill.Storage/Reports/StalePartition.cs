using Backfill.Core.Lineage;
using Backfill.Core.Partitions;

namespace Backfill.Storage.Reports;

/// <summary>A downstream partition the backfill's publishes made stale: its live commit read a commit the backfill replaced.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Partition">The partition's day.</param>
/// <param name="CommitId">Its live commit.</param>
/// <param name="ChangedInputs">The inputs it read that the backfill replaced, each with the commit it read.</param>
public sealed record StalePartition(string Dataset, Day Partition, string CommitId, IReadOnlyList<InputCommit> ChangedInputs);

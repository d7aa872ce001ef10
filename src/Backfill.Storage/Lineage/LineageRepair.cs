using Backfill.Core.Partitions;
using Backfill.Storage.Commits;

namespace Backfill.Storage.Lineage;

/// <summary>
/// A live commit whose lineage row did not say <c>published</c> and now does: the process that published it stopped
/// between the manifest write and the lineage write (or the publish's answer was lost and it recorded a conflict).
/// </summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Partition">The partition's day.</param>
/// <param name="CommitId">The live commit.</param>
/// <param name="Was">What its row said before.</param>
public sealed record LineageRepair(string Dataset, Day Partition, string CommitId, CommitStatus Was);

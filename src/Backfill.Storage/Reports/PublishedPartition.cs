using Backfill.Core.Partitions;
using Backfill.Core.Reports;
using Backfill.Storage.Commits;

namespace Backfill.Storage.Reports;

/// <summary>A partition a backfill published, compared with the commit it superseded.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Partition">The partition's day.</param>
/// <param name="CommitId">The commit the backfill published.</param>
/// <param name="PreviousCommitId">The commit it superseded; null when it was the partition's first.</param>
/// <param name="Basis">What the deltas were computed against.</param>
/// <param name="RowsBefore">Rows of the superseded commit; null when there was none.</param>
/// <param name="RowsAfter">Rows of the published commit.</param>
/// <param name="WriteMode">How the commit combined with the one it superseded.</param>
/// <param name="Changes">Rows added, removed and modified (by key); null when not computed.</param>
/// <param name="MeanShifts">Per feature, the mean before and after (features datasets only); null otherwise or when not computed.</param>
/// <param name="LiveCommitId">The commit live now; differs from <paramref name="CommitId"/> when a later publish or a rollback replaced it.</param>
public sealed record PublishedPartition(
    string Dataset,
    Day Partition,
    string CommitId,
    string? PreviousCommitId,
    DeltaBasis Basis,
    long? RowsBefore,
    long RowsAfter,
    WriteMode WriteMode,
    RowChanges? Changes,
    IReadOnlyList<FeatureMeanShift>? MeanShifts,
    string? LiveCommitId);

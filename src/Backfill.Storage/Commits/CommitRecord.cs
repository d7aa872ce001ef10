using System.Text.Json.Serialization;
using Backfill.Core.Buckets;
using Backfill.Core.Partitions;

namespace Backfill.Storage.Commits;

/// <summary>
/// One attempt's immutable files for a partition and what produced them. Written as <c>_commit.json</c> in the
/// commit folder at stage time, and embedded in the manifest when published.
/// </summary>
/// <param name="CommitId">Unique and time-ordered (a version 7 UUID).</param>
/// <param name="Dataset">The dataset, e.g. <c>features_v1</c>.</param>
/// <param name="Partition">The partition's day.</param>
/// <param name="WriteMode">How it combined with the partition it replaces.</param>
/// <param name="Files">Its data files; the first is the partition's rows.</param>
/// <param name="RowCount">Rows of the partition: the first file's rows.</param>
/// <param name="ContentHash">
/// <c>sha256:</c> over the files' names and hashes: equal for equal content, whoever wrote it and when.
/// </param>
/// <param name="QuarantinedCount">Malformed lines quarantined with this commit.</param>
/// <param name="Lineage">What produced it.</param>
/// <param name="StagedAt">When its files were uploaded.</param>
/// <param name="LandedLines">
/// For a <c>raw</c> commit, the landed lines of the day as of its processing time (validation checks that raw rows
/// plus quarantined add up to it); null for other datasets.
/// </param>
/// <param name="Buckets">
/// How many entity buckets its files are split into; 1 (a record written before buckets existed has none) means one
/// file per role, with no bucket folder.
/// </param>
public sealed record CommitRecord(
    string CommitId,
    string Dataset,
    Day Partition,
    WriteMode WriteMode,
    IReadOnlyList<CommitFile> Files,
    long RowCount,
    string ContentHash,
    int QuarantinedCount,
    CommitLineage Lineage,
    DateTimeOffset StagedAt,
    long? LandedLines = null,
    int Buckets = 1)
{
    /// <summary>Gets <see cref="Buckets"/> as a bucket count.</summary>
    [JsonIgnore]
    public BucketCount BucketCount => BucketCount.Of(Buckets);
}

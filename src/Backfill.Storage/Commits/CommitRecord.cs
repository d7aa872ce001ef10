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
    long? LandedLines = null)
{
    /// <summary>Returns the file named <paramref name="name"/>.</summary>
    /// <param name="name">The file name, e.g. <c>rollup.parquet</c>.</param>
    /// <returns>The file.</returns>
    /// <exception cref="InvalidOperationException">The commit has no such file.</exception>
    public CommitFile File(string name) =>
        Files.FirstOrDefault(file => file.Name == name)
        ?? throw new InvalidOperationException($"Commit {CommitId} of {Dataset}/{Partition} has no file {name}.");
}

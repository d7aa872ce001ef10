using Backfill.Core.Lineage;
using Backfill.Core.Partitions;

namespace Backfill.Storage.Commits;

/// <summary>Which partition to commit, how, and on behalf of which run.</summary>
/// <param name="Dataset">The dataset, e.g. <c>staging</c>.</param>
/// <param name="Partition">The partition's day.</param>
/// <param name="Mode">Overwrite or merge.</param>
/// <param name="Run">The run committing, for lineage.</param>
public sealed record CommitRequest(string Dataset, Day Partition, WriteMode Mode, RunContext Run)
{
    /// <summary>The blob metadata of a data file this request writes into <paramref name="commitId"/>: who wrote it, for what.</summary>
    /// <param name="commitId">The commit.</param>
    /// <returns>The metadata.</returns>
    public Dictionary<string, string> MetadataOf(string commitId) => new()
    {
        ["run_id"] = Run.RunId,
        ["commit_id"] = commitId,
        ["code_version"] = Run.CodeVersion.Value,
        ["dataset"] = Dataset,
        ["date"] = Partition.ToString(),
    };
}

using Backfill.Core.Lineage;
using Backfill.Core.Partitions;

namespace Backfill.Storage.Commits;

/// <summary>Which partition to commit, how, and on behalf of which run.</summary>
/// <param name="Dataset">The dataset, e.g. <c>staging</c>.</param>
/// <param name="Partition">The partition's day.</param>
/// <param name="Mode">Overwrite or merge.</param>
/// <param name="Run">The run committing, for lineage.</param>
public sealed record CommitRequest(string Dataset, Day Partition, WriteMode Mode, RunContext Run);

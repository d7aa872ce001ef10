using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using Backfill.Storage.Reading;

namespace Backfill.Workflows.Pipeline;

/// <summary>Reads live commits from the lake's manifests, a bounded number at a time.</summary>
public sealed class LakeCommittedPartitions(LakeReady lakeReady) : ICommittedPartitions
{
    private const int Concurrency = 16;

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<(string Dataset, Day Day), CommittedPartition>> GetAsync(
        IReadOnlyCollection<(string Dataset, Day Day)> partitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        var reader = new PartitionReader(await lakeReady.GetAsync().ConfigureAwait(false));
        var found = new System.Collections.Concurrent.ConcurrentDictionary<(string, Day), CommittedPartition>();
        await Parallel.ForEachAsync(
            partitions,
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (partition, token) =>
            {
                if (await reader.GetLiveCommitAsync(partition.Dataset, partition.Day, token).ConfigureAwait(false) is { } commit)
                {
                    found[partition] = new CommittedPartition(
                        commit.CommitId, commit.Lineage.CodeVersion, commit.Lineage.ConfigHash, commit.Files.Sum(file => file.Bytes));
                }
            }).ConfigureAwait(false);
        return found;
    }
}

using System.Collections.Concurrent;
using Backfill.Core.Partitions;
using Backfill.Storage.Commits;
using Backfill.Storage.Reading;

namespace Backfill.Workflows.Pipeline;

/// <summary>Reads many partitions' manifests, a bounded number at a time.</summary>
internal static class PartitionManifests
{
    private const int Concurrency = 16;

    /// <summary>The manifest of each partition (null when it has none), each partition read once.</summary>
    public static async Task<IReadOnlyDictionary<(string Dataset, Day Day), PartitionManifest?>> ReadAsync(
        PartitionReader reader, IEnumerable<(string Dataset, Day Day)> partitions, CancellationToken cancellationToken)
    {
        var found = new ConcurrentDictionary<(string, Day), PartitionManifest?>();
        await Parallel.ForEachAsync(
            partitions.Distinct(),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (partition, token) => found[partition] = await reader.GetManifestAsync(partition.Dataset, partition.Day, token).ConfigureAwait(false))
            .ConfigureAwait(false);
        return found;
    }
}

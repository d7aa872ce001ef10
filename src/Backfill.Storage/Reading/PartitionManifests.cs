using System.Collections.Concurrent;
using Backfill.Core.Partitions;
using Backfill.Storage.Commits;

namespace Backfill.Storage.Reading;

/// <summary>Reads many partitions' manifests, a bounded number at a time.</summary>
public static class PartitionManifests
{
    private const int Concurrency = 16;

    /// <summary>The manifest of each partition (null when it has none), each partition read once.</summary>
    /// <param name="reader">Reads one manifest.</param>
    /// <param name="partitions">The partitions; repeats are read once.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>Every partition asked for, with its manifest or null.</returns>
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

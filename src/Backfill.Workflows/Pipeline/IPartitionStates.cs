using Backfill.Core.Partitions;

namespace Backfill.Workflows.Pipeline;

/// <summary>Reads where partitions stand (committed, failed, missing, stale), for the reprocess modes of a backfill.</summary>
public interface IPartitionStates
{
    /// <summary>
    /// The state of each of <paramref name="partitions"/>, from the same facts as the partitions grid: its manifest, the
    /// newest rejected commit in its lineage, and whether its live commit's inputs are still live upstream.
    /// </summary>
    Task<IReadOnlyDictionary<(string Dataset, Day Day), PartitionState>> GetAsync(
        IReadOnlyCollection<(string Dataset, Day Day)> partitions, CancellationToken cancellationToken);
}

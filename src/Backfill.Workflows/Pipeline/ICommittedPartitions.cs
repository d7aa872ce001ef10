using Backfill.Core.Partitions;
using Backfill.Core.Planning;

namespace Backfill.Workflows.Pipeline;

/// <summary>Reads which dataset partitions have a live commit, and what produced it (for dry runs).</summary>
public interface ICommittedPartitions
{
    /// <summary>The live commit of each of <paramref name="partitions"/> that has one.</summary>
    Task<IReadOnlyDictionary<(string Dataset, Day Day), CommittedPartition>> GetAsync(
        IReadOnlyCollection<(string Dataset, Day Day)> partitions, CancellationToken cancellationToken);
}

using Backfill.Core.Estimating;

namespace Backfill.Workflows.Pipeline;

/// <summary>Reads what datasets' recent commits took and weighed (for a dry run's impact estimate).</summary>
public interface ICommitHistory
{
    /// <summary>The recent published commits of each of <paramref name="datasets"/>; a dataset with none has <see cref="DatasetHistory.None"/>.</summary>
    Task<IReadOnlyDictionary<string, DatasetHistory>> GetAsync(IReadOnlyCollection<string> datasets, CancellationToken cancellationToken);
}

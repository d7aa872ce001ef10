using Backfill.Core.Estimating;
using Backfill.Storage.Lineage;

namespace Backfill.Workflows.Pipeline;

/// <summary>Reads each dataset's newest published commits from the lineage table.</summary>
public sealed class LakeCommitHistory(LakeReady lakeReady) : ICommitHistory
{
    /// <summary>How many of a dataset's newest published commits an estimate learns from.</summary>
    public const int Commits = 50;

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, DatasetHistory>> GetAsync(IReadOnlyCollection<string> datasets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        var lineage = new LineageStore(await lakeReady.GetAsync().ConfigureAwait(false));
        var recent = await Task.WhenAll(datasets.Distinct().Select(async dataset =>
            (Dataset: dataset, Commits: await lineage.RecentPublishedAsync(dataset, Commits, cancellationToken).ConfigureAwait(false)))).ConfigureAwait(false);
        return recent.ToDictionary(
            r => r.Dataset,
            r => new DatasetHistory(
                [.. r.Commits.Select(c => c.Timings.Duration)],
                [.. r.Commits.Select(c => TimeSpan.FromMilliseconds(c.Timings.BuildMilliseconds + c.Timings.StageMilliseconds))],
                [.. r.Commits.Where(c => c.Bytes is not null).Select(c => c.Bytes!.Value)]));
    }
}

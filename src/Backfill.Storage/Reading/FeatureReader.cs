using Backfill.Core.Features;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;

namespace Backfill.Storage.Reading;

/// <summary>The downstream read path training jobs use: a feature version's rows for a date range, via manifests.</summary>
public sealed class FeatureReader
{
    private readonly PartitionReader partitions;

    /// <summary>Creates the reader.</summary>
    /// <param name="partitions">Reads partitions through their manifests.</param>
    public FeatureReader(PartitionReader partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        this.partitions = partitions;
    }

    /// <summary>Reads every published partition of <paramref name="features"/> from <paramref name="first"/> to <paramref name="last"/>.</summary>
    /// <param name="features">The feature version.</param>
    /// <param name="first">The first day, inclusive.</param>
    /// <param name="last">The last day, inclusive.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows, the commits read and the days missing.</returns>
    public async Task<FeatureRead> ReadAsync(FeatureVersion features, PartitionKey first, PartitionKey last, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(features);
        var rows = new List<FeatureRow>();
        var commits = new List<InputCommit>();
        var missing = new List<PartitionKey>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var commit = await partitions.GetLiveCommitAsync(features.Name, day, cancellationToken).ConfigureAwait(false);
            if (commit is null)
            {
                missing.Add(day);
                continue;
            }

            rows.AddRange(await partitions.ReadFeaturesAsync(commit, features, cancellationToken).ConfigureAwait(false));
            commits.Add(new InputCommit(features.Name, day, commit.CommitId));
        }

        return new FeatureRead(rows, commits, missing);
    }
}

using Backfill.Core.Building;
using Backfill.Core.Features;
using Backfill.Core.Lineage;
using Backfill.Core.Merging;
using Backfill.Core.Partitions;
using Backfill.Storage.Commits;
using Backfill.Storage.Parquet;
using Backfill.Storage.Reading;

namespace Backfill.Storage.Building;

/// <summary>
/// Builds features_vN(D) from the daily rollups of staging(D-W+1..D), never from the events themselves. A staging
/// day with no live commit counts as a day without events and is absent from the lineage inputs, so an audit
/// sees the gap.
/// </summary>
public sealed class FeaturePartitionBuilder : IPartitionContentBuilder
{
    private readonly PartitionReader partitions;
    private readonly FeatureVersion features;
    private readonly PartitionKey day;
    private readonly FeatureParquet parquet;

    /// <summary>Creates the builder of one features partition.</summary>
    /// <param name="partitions">Reads staging and, for a merge, the live features partition.</param>
    /// <param name="features">The feature version, which names the dataset.</param>
    /// <param name="day">The day D.</param>
    public FeaturePartitionBuilder(PartitionReader partitions, FeatureVersion features, PartitionKey day)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentNullException.ThrowIfNull(features);
        this.partitions = partitions;
        this.features = features;
        this.day = day;
        parquet = new FeatureParquet(features);
    }

    /// <inheritdoc />
    public async Task<PartitionContent> BuildAsync(CommitRecord? live, WriteMode mode, CancellationToken cancellationToken)
    {
        var days = Enumerable.Range(0, features.InputWindowDays).Select(offset => day.AddDays(-offset)).Reverse();
        var inputs = await Task.WhenAll(days.Select(async input =>
        {
            var commit = await partitions.GetLiveCommitAsync(Datasets.Staging, input, cancellationToken).ConfigureAwait(false);
            return commit is null
                ? (Input: null, Rollups: null)
                : (Input: new InputCommit(Datasets.Staging, input, commit.CommitId),
                    Rollups: await partitions.ReadRollupsAsync(commit, cancellationToken).ConfigureAwait(false));
        })).ConfigureAwait(false);
        var rows = FeatureBuilder.Build(features, day, inputs.Select(input => input.Rollups).OfType<RollupDay>());
        if (mode == WriteMode.Merge && live is not null)
        {
            var existing = await partitions.ReadFeaturesAsync(live, features, cancellationToken).ConfigureAwait(false);
            rows = RowMerge.Merge(existing, rows, row => row.Key, FeatureRow.StorageOrder).Rows;
        }

        var file = await parquet.WriteAsync(rows, cancellationToken).ConfigureAwait(false);
        return new PartitionContent(
            [new ContentFile(FeatureParquet.FileName, file, rows.Count, parquet.Columns)],
            [.. inputs.Where(input => input.Input is not null).Select(input => input.Input!)],
            []);
    }
}

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
    private readonly PartitionReader _partitions;
    private readonly FeatureVersion _features;
    private readonly Day _day;
    private readonly FeatureParquet _parquet;

    /// <summary>Creates the builder of one features partition.</summary>
    /// <param name="partitions">Reads staging and, for a merge, the live features partition.</param>
    /// <param name="features">The feature version, which names the dataset.</param>
    /// <param name="day">The day D.</param>
    public FeaturePartitionBuilder(PartitionReader partitions, FeatureVersion features, Day day)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentNullException.ThrowIfNull(features);
        _partitions = partitions;
        _features = features;
        _day = day;
        _parquet = new FeatureParquet(features);
    }

    /// <inheritdoc />
    public async Task<PartitionContent> BuildAsync(CommitRecord? live, WriteMode mode, CancellationToken cancellationToken)
    {
        var days = Enumerable.Range(0, _features.InputWindowDays).Select(offset => _day.AddDays(-offset)).Reverse();
        var inputs = await Task.WhenAll(days.Select(async input =>
        {
            var commit = await _partitions.GetLiveCommitAsync(Datasets.Staging, input, cancellationToken).ConfigureAwait(false);
            return commit is null
                ? (Input: null, Rollups: null)
                : (Input: new InputCommit(Datasets.Staging, input, commit.CommitId),
                    Rollups: await _partitions.ReadRollupsAsync(commit, cancellationToken).ConfigureAwait(false));
        })).ConfigureAwait(false);
        var rows = FeatureBuilder.Build(_features, _day, inputs.Select(input => input.Rollups).OfType<RollupDay>());
        if (mode == WriteMode.Merge && live is not null)
        {
            var existing = await _partitions.ReadFeaturesAsync(live, _features, cancellationToken).ConfigureAwait(false);
            rows = RowMerge.Merge(existing, rows, row => row.Key, FeatureRow.StorageOrder).Rows;
        }

        var file = await _parquet.WriteAsync(rows, cancellationToken).ConfigureAwait(false);
        return new PartitionContent(
            [new ContentFile(FeatureParquet.FileName, file, rows.Count, _parquet.Columns)],
            [.. inputs.Where(input => input.Input is not null).Select(input => input.Input!)],
            []);
    }
}

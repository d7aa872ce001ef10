using Backfill.Core.Buckets;
using Backfill.Core.Building;
using Backfill.Core.Features;
using Backfill.Core.Lineage;
using Backfill.Core.Merging;
using Backfill.Core.Partitions;
using Backfill.Storage.Commits;
using Backfill.Storage.Landing;
using Backfill.Storage.Parquet;
using Backfill.Storage.Reading;

namespace Backfill.Storage.Building;

/// <summary>
/// Builds features_vN(D) from the daily rollups of staging(D-W+1..D), never from the events themselves. A staging
/// day with no live commit counts as a day without events and is absent from the lineage inputs, so an audit
/// sees the gap. A bucket of the day reads only the matching buckets of the staging window: features of an entity
/// depend on that entity's rollups alone.
/// </summary>
public sealed class FeaturePartitionBuilder : IBucketContentBuilder
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
    public async Task<PartitionContent> BuildAsync(CommitRecord? live, WriteMode mode, CancellationToken cancellationToken) =>
        await BuildAsync(await LiveWindowAsync(cancellationToken).ConfigureAwait(false), live, mode, null, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<IReadOnlyList<InputCommit>> PinInputsAsync(CancellationToken cancellationToken) =>
        [.. (await LiveWindowAsync(cancellationToken).ConfigureAwait(false)).Select(input => new InputCommit(Datasets.Staging, input.Partition, input.CommitId))];

    /// <inheritdoc />
    /// <remarks>It reads upstream commits, not landing.</remarks>
    public Task<IReadOnlyList<LandingPin>> PinLandingAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<LandingPin>>([]);

    /// <inheritdoc />
    public async Task<PartitionContent> BuildBucketAsync(DayPins pins, WriteMode mode, BucketScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pins);
        var window = await Task.WhenAll(pins.Inputs.Select(input =>
            _partitions.GetCommitAsync(input.Dataset, input.Partition, input.CommitId, cancellationToken))).ConfigureAwait(false);
        return await BuildAsync(window, pins.Base, mode, scope, cancellationToken).ConfigureAwait(false);
    }

    // The live staging commits of the window, oldest first; days without one are left out.
    private async Task<IReadOnlyList<CommitRecord>> LiveWindowAsync(CancellationToken cancellationToken)
    {
        var days = Enumerable.Range(0, _features.InputWindowDays).Select(offset => _day.AddDays(-offset)).Reverse();
        var commits = await Task.WhenAll(days.Select(input => _partitions.GetLiveCommitAsync(Datasets.Staging, input, cancellationToken))).ConfigureAwait(false);
        return [.. commits.OfType<CommitRecord>()];
    }

    private async Task<PartitionContent> BuildAsync(
        IReadOnlyList<CommitRecord> window, CommitRecord? live, WriteMode mode, BucketScope? scope, CancellationToken cancellationToken)
    {
        var rollups = await Task.WhenAll(window.Select(commit => _partitions.ReadRollupsAsync(commit, scope, cancellationToken))).ConfigureAwait(false);
        var rows = FeatureBuilder.Build(_features, _day, rollups);
        if (mode == WriteMode.Merge && live is not null)
        {
            var existing = await _partitions.ReadFeaturesAsync(live, _features, scope, cancellationToken).ConfigureAwait(false);
            rows = RowMerge.Merge(existing, rows, row => row.Key, FeatureRow.StorageOrder).Rows;
        }

        var file = await _parquet.WriteAsync(rows, cancellationToken).ConfigureAwait(false);
        return new PartitionContent(
            [new ContentFile(FeatureParquet.FileName, file, rows.Count, _parquet.Columns)],
            [.. window.Select(commit => new InputCommit(Datasets.Staging, commit.Partition, commit.CommitId))],
            []);
    }
}

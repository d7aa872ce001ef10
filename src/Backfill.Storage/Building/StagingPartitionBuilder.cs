using Backfill.Core.Buckets;
using Backfill.Core.Building;
using Backfill.Core.Events;
using Backfill.Core.Lineage;
using Backfill.Core.Merging;
using Backfill.Core.Partitions;
using Backfill.Storage.Commits;
using Backfill.Storage.Landing;
using Backfill.Storage.Parquet;
using Backfill.Storage.Reading;

namespace Backfill.Storage.Building;

/// <summary>
/// Builds staging(D) from the live raw(D): unique events, and in the same commit the per-entity daily rollup the
/// features read. A bucket reads only raw's rows of its entities: an event and its duplicates share an entity, so
/// de-duplication within a bucket is exact.
/// </summary>
public sealed class StagingPartitionBuilder : IBucketContentBuilder
{
    private readonly PartitionReader _partitions;
    private readonly Day _day;

    /// <summary>Creates the builder of one staging partition.</summary>
    /// <param name="partitions">Reads raw(D) and, for a merge, the live staging(D).</param>
    /// <param name="day">The event day D.</param>
    public StagingPartitionBuilder(PartitionReader partitions, Day day)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        _partitions = partitions;
        _day = day;
    }

    /// <inheritdoc />
    /// <exception cref="MissingPartitionException">raw(D) has no live commit.</exception>
    public async Task<PartitionContent> BuildAsync(CommitRecord? live, WriteMode mode, CancellationToken cancellationToken) =>
        await BuildAsync(
            await _partitions.GetRequiredCommitAsync(Datasets.Raw, _day, cancellationToken).ConfigureAwait(false), live, mode, null, cancellationToken)
            .ConfigureAwait(false);

    /// <inheritdoc />
    /// <exception cref="MissingPartitionException">raw(D) has no live commit.</exception>
    public async Task<IReadOnlyList<InputCommit>> PinInputsAsync(CancellationToken cancellationToken) =>
        [new InputCommit(Datasets.Raw, _day, (await _partitions.GetRequiredCommitAsync(Datasets.Raw, _day, cancellationToken).ConfigureAwait(false)).CommitId)];

    /// <inheritdoc />
    /// <remarks>It reads upstream commits, not landing.</remarks>
    public Task<IReadOnlyList<LandingPin>> PinLandingAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<LandingPin>>([]);

    /// <inheritdoc />
    public async Task<PartitionContent> BuildBucketAsync(DayPins pins, WriteMode mode, BucketScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pins);
        var input = pins.Inputs.Single(input => input.Dataset == Datasets.Raw);
        var raw = await _partitions.GetCommitAsync(input.Dataset, input.Partition, input.CommitId, cancellationToken).ConfigureAwait(false);
        return await BuildAsync(raw, pins.Base, mode, scope, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PartitionContent> BuildAsync(CommitRecord raw, CommitRecord? live, WriteMode mode, BucketScope? scope, CancellationToken cancellationToken)
    {
        var build = StagingBuilder.Build(_day, await _partitions.ReadEventsAsync(raw, scope, cancellationToken).ConfigureAwait(false));
        var (events, rollups) = (build.Events, build.Rollups);
        if (mode == WriteMode.Merge && live is not null)
        {
            // Merge on event_id; the rollup is derived, so it is recomputed from the merged events.
            var existing = await _partitions.ReadEventsAsync(live, scope, cancellationToken).ConfigureAwait(false);
            events = RowMerge.Merge(existing, events, row => row.Event.EventId, ArrivedEvent.StorageOrder).Rows;
            rollups = StagingBuilder.Rollup(_day, events);
        }

        var eventFile = await EventParquet.WriteAsync(events, cancellationToken).ConfigureAwait(false);
        var rollupFile = await RollupParquet.WriteAsync(rollups, cancellationToken).ConfigureAwait(false);
        return new PartitionContent(
            [
                new ContentFile(EventParquet.FileName, eventFile, events.Count, EventParquet.Columns),
                new ContentFile(RollupParquet.FileName, rollupFile, rollups.Count, RollupParquet.Columns),
            ],
            [new InputCommit(Datasets.Raw, _day, raw.CommitId)],
            []);
    }
}

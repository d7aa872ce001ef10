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
/// features read. A bucket reads only raw's rows of its entities and de-duplicates within itself, after dropping the
/// ids whose first arrival lies in another bucket (<see cref="IdExchange"/>), so it keeps what a whole day keeps.
/// </summary>
public sealed class StagingPartitionBuilder : IBucketContentBuilder
{
    private readonly PartitionReader _partitions;
    private readonly IdExchange _exchange;
    private readonly Day _day;

    /// <summary>Creates the builder of one staging partition.</summary>
    /// <param name="partitions">Reads raw(D) and, for a merge, the live staging(D).</param>
    /// <param name="exchange">Names the ids a bucket drops because they first arrived in another bucket.</param>
    /// <param name="day">The event day D.</param>
    public StagingPartitionBuilder(PartitionReader partitions, IdExchange exchange, Day day)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentNullException.ThrowIfNull(exchange);
        _partitions = partitions;
        _exchange = exchange;
        _day = day;
    }

    /// <inheritdoc />
    /// <exception cref="MissingPartitionException">raw(D) has no live commit.</exception>
    public async Task<PartitionContent> BuildAsync(CommitRecord? live, WriteMode mode, CancellationToken cancellationToken) =>
        await BuildAsync(
            await _partitions.GetRequiredCommitAsync(Datasets.Raw, _day, cancellationToken).ConfigureAwait(false), live, mode, null, null, cancellationToken)
            .ConfigureAwait(false);

    /// <inheritdoc />
    /// <exception cref="MissingPartitionException">raw(D) has no live commit.</exception>
    public async Task<IReadOnlyList<InputCommit>> PinInputsAsync(CancellationToken cancellationToken) =>
        [new InputCommit(Datasets.Raw, _day, (await _partitions.GetRequiredCommitAsync(Datasets.Raw, _day, cancellationToken).ConfigureAwait(false)).CommitId)];

    /// <inheritdoc />
    /// <remarks>It reads upstream commits, not landing.</remarks>
    public Task<IReadOnlyList<LandingPin>> PinLandingAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<LandingPin>>([]);

    /// <inheritdoc />
    /// <exception cref="DayMovedException">An id range of the day's exchange is not resolved; the day starts again.</exception>
    public async Task<PartitionContent> BuildBucketAsync(DayPins pins, WriteMode mode, BucketScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pins);
        ArgumentNullException.ThrowIfNull(scope);
        var input = pins.Inputs.Single(input => input.Dataset == Datasets.Raw);
        var raw = await _partitions.GetCommitAsync(input.Dataset, input.Partition, input.CommitId, cancellationToken).ConfigureAwait(false);
        var losing = pins.IdRanges == 0
            ? null
            : await _exchange.LosingIdsAsync(raw.CommitId, scope, cancellationToken).ConfigureAwait(false);
        return await BuildAsync(raw, pins.Base, mode, scope, losing, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PartitionContent> BuildAsync(
        CommitRecord raw, CommitRecord? live, WriteMode mode, BucketScope? scope, IReadOnlySet<string>? losing, CancellationToken cancellationToken)
    {
        var build = StagingBuilder.Build(_day, Kept(await _partitions.ReadEventsAsync(raw, scope, cancellationToken).ConfigureAwait(false), losing));
        var (events, rollups) = (build.Events, build.Rollups);
        if (mode == WriteMode.Merge && live is not null)
        {
            // Merge on event_id; the rollup is derived, so it is recomputed from the merged events. An id another
            // bucket keeps leaves this bucket's base too, as a whole day's merge replaces it.
            var existing = Kept(await _partitions.ReadEventsAsync(live, scope, cancellationToken).ConfigureAwait(false), losing);
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

    private static IReadOnlyList<ArrivedEvent> Kept(IReadOnlyList<ArrivedEvent> rows, IReadOnlySet<string>? losing) =>
        losing is null or { Count: 0 } ? rows : [.. rows.Where(row => !losing.Contains(row.Event.EventId))];
}

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
/// Builds raw(D) from landing as of a processing time; malformed lines go to the commit's quarantine. A bucket keeps
/// the events of its entities; malformed lines have no entity, so bucket 0 quarantines them and accounts for them.
/// </summary>
public sealed class RawPartitionBuilder : IBucketContentBuilder
{
    private readonly LandingReader _landing;
    private readonly PartitionReader _partitions;
    private readonly Day _day;
    private readonly DateTime _processingTime;

    /// <summary>Creates the builder of one raw partition.</summary>
    /// <param name="landing">Reads landing.</param>
    /// <param name="partitions">Reads the live partition for a merge.</param>
    /// <param name="day">The event day D.</param>
    /// <param name="processingTime">What landing had by this time is what raw(D) holds, UTC.</param>
    public RawPartitionBuilder(LandingReader landing, PartitionReader partitions, Day day, DateTime processingTime)
    {
        ArgumentNullException.ThrowIfNull(landing);
        ArgumentNullException.ThrowIfNull(partitions);
        _landing = landing;
        _partitions = partitions;
        _day = day;
        _processingTime = processingTime;
    }

    /// <inheritdoc />
    public Task<PartitionContent> BuildAsync(CommitRecord? live, WriteMode mode, CancellationToken cancellationToken) =>
        BuildAsync(live, mode, null, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Raw reads landing as of its processing time, which the request already fixes: nothing to pin.</remarks>
    public Task<IReadOnlyList<InputCommit>> PinInputsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InputCommit>>([]);

    /// <inheritdoc />
    public Task<PartitionContent> BuildBucketAsync(DayPins pins, WriteMode mode, BucketScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pins);
        return BuildAsync(pins.Base, mode, scope, cancellationToken);
    }

    private async Task<PartitionContent> BuildAsync(CommitRecord? live, WriteMode mode, BucketScope? scope, CancellationToken cancellationToken)
    {
        var lines = await _landing.ReadAsync(_day, _processingTime, cancellationToken).ConfigureAwait(false);
        var build = RawBuilder.Build(_day, _processingTime, lines);
        IReadOnlyList<ArrivedEvent> rows = build.Events;
        var quarantined = build.Quarantined;
        long? landed = build.LandedLines;
        if (scope is not null)
        {
            rows = [.. rows.Where(row => scope.Holds(row.Event.EntityId))];

            // Bucket 0 accounts for the lines no bucket's events hold (the quarantined ones), so the buckets' landed
            // lines add up to the day's and each bucket's rows + quarantined = its landed lines holds exactly when the
            // day's does.
            landed = scope.Bucket == 0 ? rows.Count + (build.LandedLines - build.Events.Count) : rows.Count;
            quarantined = scope.Bucket == 0 ? quarantined : [];
        }

        if (mode == WriteMode.Merge && live is not null)
        {
            var existing = await _partitions.ReadEventsAsync(live, scope, cancellationToken).ConfigureAwait(false);
            rows = RowMerge.MergeCopies(existing, rows, ArrivedEvent.StorageOrder);

            // The merged rows span two processing times, so no single landing read accounts for them.
            landed = null;
        }

        var file = await EventParquet.WriteAsync(rows, cancellationToken).ConfigureAwait(false);
        return new PartitionContent([new ContentFile(EventParquet.FileName, file, rows.Count, EventParquet.Columns)], [], quarantined, landed);
    }
}

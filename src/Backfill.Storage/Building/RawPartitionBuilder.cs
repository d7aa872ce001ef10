using Backfill.Core.Buckets;
using Backfill.Core.Building;
using Backfill.Core.Events;
using Backfill.Core.Landing;
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
/// the events of its entities; malformed lines have no entity, so bucket 0 quarantines them and accounts for them. A
/// bucket reads only its share of the pinned landing files, from their map (<see cref="LandingMap"/>), never the day.
/// </summary>
public sealed class RawPartitionBuilder : IBucketContentBuilder
{
    private readonly LandingReader _landing;
    private readonly PartitionReader _partitions;
    private readonly Day _day;
    private readonly DateTime _processingTime;
    private readonly long _mapGroupBytes;

    /// <summary>The default most bytes of landing one map step reads (64 MiB).</summary>
    public const long DefaultMapGroupBytes = 64L << 20;

    /// <summary>The least bound a map step may have (4 KiB): below it a large file would make a map step of a few lines each.</summary>
    public const long MinMapGroupBytes = 4L << 10;

    /// <summary>Creates the builder of one raw partition.</summary>
    /// <param name="landing">Reads landing.</param>
    /// <param name="partitions">Reads the live partition for a merge.</param>
    /// <param name="day">The event day D.</param>
    /// <param name="processingTime">What landing had by this time is what raw(D) holds, UTC.</param>
    /// <param name="mapGroupBytes">The most bytes of landing one map step of a bucketed day reads; a larger file is cut into pieces.</param>
    public RawPartitionBuilder(LandingReader landing, PartitionReader partitions, Day day, DateTime processingTime, long mapGroupBytes = DefaultMapGroupBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(mapGroupBytes, MinMapGroupBytes);
        ArgumentNullException.ThrowIfNull(landing);
        ArgumentNullException.ThrowIfNull(partitions);
        _landing = landing;
        _partitions = partitions;
        _day = day;
        _processingTime = processingTime;
        _mapGroupBytes = mapGroupBytes;
    }

    /// <inheritdoc />
    public Task<PartitionContent> BuildAsync(CommitRecord? live, WriteMode mode, CancellationToken cancellationToken) =>
        BuildWholeAsync(live, mode, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Raw reads landing as of its processing time, which the request already fixes: nothing to pin.</remarks>
    public Task<IReadOnlyList<InputCommit>> PinInputsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InputCommit>>([]);

    /// <inheritdoc />
    /// <remarks>Pinning the files, not only the time, keeps every bucket on the same files even if a late one lands in an hour already over.</remarks>
    public Task<IReadOnlyList<LandingPin>> PinLandingAsync(CancellationToken cancellationToken) =>
        _landing.PinAsync(_day, _processingTime, _mapGroupBytes, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="DayMovedException">A pinned landing file's map is gone; the day starts again and maps it.</exception>
    public async Task<PartitionContent> BuildBucketAsync(DayPins pins, WriteMode mode, BucketScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pins);
        ArgumentNullException.ThrowIfNull(scope);
        var lines = await _landing.Map.ReadBucketAsync(pins.Landing, scope, cancellationToken).ConfigureAwait(false);
        return await BuildAsync(lines, pins.Base, mode, scope, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PartitionContent> BuildWholeAsync(CommitRecord? live, WriteMode mode, CancellationToken cancellationToken) =>
        await BuildAsync(await _landing.ReadAsync(_day, _processingTime, cancellationToken).ConfigureAwait(false), live, mode, null, cancellationToken).ConfigureAwait(false);

    private async Task<PartitionContent> BuildAsync(
        IReadOnlyList<LandedLine> lines, CommitRecord? live, WriteMode mode, BucketScope? scope, CancellationToken cancellationToken)
    {
        // A bucket's mapped lines are its entities' events and, in bucket 0, the malformed lines (LineBucket), so the
        // buckets' landed lines add up to the day's, and rows + quarantined = landed holds per bucket as for the day.
        var build = RawBuilder.Build(_day, _processingTime, lines);
        IReadOnlyList<ArrivedEvent> rows = build.Events;
        long? landed = build.LandedLines;
        if (mode == WriteMode.Merge && live is not null)
        {
            var existing = await _partitions.ReadEventsAsync(live, scope, cancellationToken).ConfigureAwait(false);
            rows = RowMerge.MergeCopies(existing, rows, ArrivedEvent.StorageOrder);

            // The merged rows span two processing times, so no single landing read accounts for them.
            landed = null;
        }

        var file = await EventParquet.WriteAsync(rows, cancellationToken).ConfigureAwait(false);
        return new PartitionContent([new ContentFile(EventParquet.FileName, file, rows.Count, EventParquet.Columns)], [], build.Quarantined, landed);
    }
}

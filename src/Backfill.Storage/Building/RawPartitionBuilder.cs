using Backfill.Core.Building;
using Backfill.Core.Events;
using Backfill.Core.Merging;
using Backfill.Core.Partitions;
using Backfill.Storage.Commits;
using Backfill.Storage.Landing;
using Backfill.Storage.Parquet;
using Backfill.Storage.Reading;

namespace Backfill.Storage.Building;

/// <summary>Builds raw(D) from landing as of a processing time; malformed lines go to the commit's quarantine.</summary>
public sealed class RawPartitionBuilder : IPartitionContentBuilder
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
    public async Task<PartitionContent> BuildAsync(CommitRecord? live, WriteMode mode, CancellationToken cancellationToken)
    {
        var lines = await _landing.ReadAsync(_day, _processingTime, cancellationToken).ConfigureAwait(false);
        var build = RawBuilder.Build(_day, _processingTime, lines);
        IReadOnlyList<ArrivedEvent> rows = build.Events;
        long? landed = build.LandedLines;
        if (mode == WriteMode.Merge && live is not null)
        {
            var existing = await _partitions.ReadEventsAsync(live, cancellationToken).ConfigureAwait(false);
            rows = RowMerge.MergeCopies(existing, rows, ArrivedEvent.StorageOrder);

            // The merged rows span two processing times, so no single landing read accounts for them.
            landed = null;
        }

        var file = await EventParquet.WriteAsync(rows, cancellationToken).ConfigureAwait(false);
        return new PartitionContent([new ContentFile(EventParquet.FileName, file, rows.Count, EventParquet.Columns)], [], build.Quarantined, landed);
    }
}

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
    private readonly LandingReader landing;
    private readonly PartitionReader partitions;
    private readonly PartitionKey day;
    private readonly DateTime processingTime;

    /// <summary>Creates the builder of one raw partition.</summary>
    /// <param name="landing">Reads landing.</param>
    /// <param name="partitions">Reads the live partition for a merge.</param>
    /// <param name="day">The event day D.</param>
    /// <param name="processingTime">What landing had by this time is what raw(D) holds, UTC.</param>
    public RawPartitionBuilder(LandingReader landing, PartitionReader partitions, PartitionKey day, DateTime processingTime)
    {
        ArgumentNullException.ThrowIfNull(landing);
        ArgumentNullException.ThrowIfNull(partitions);
        this.landing = landing;
        this.partitions = partitions;
        this.day = day;
        this.processingTime = processingTime;
    }

    /// <inheritdoc />
    public async Task<PartitionContent> BuildAsync(CommitRecord? live, WriteMode mode, CancellationToken cancellationToken)
    {
        var lines = await landing.ReadAsync(day, processingTime, cancellationToken).ConfigureAwait(false);
        var build = RawBuilder.Build(day, processingTime, lines);
        IReadOnlyList<ArrivedEvent> rows = build.Events;
        long? landed = build.LandedLines;
        if (mode == WriteMode.Merge && live is not null)
        {
            var existing = await partitions.ReadEventsAsync(live, cancellationToken).ConfigureAwait(false);
            rows = RowMerge.MergeCopies(existing, rows, ArrivedEvent.StorageOrder);

            // The merged rows span two processing times, so no single landing read accounts for them.
            landed = null;
        }

        var file = await EventParquet.WriteAsync(rows, cancellationToken).ConfigureAwait(false);
        return new PartitionContent([new ContentFile(EventParquet.FileName, file, rows.Count, EventParquet.Columns)], [], build.Quarantined, landed);
    }
}

using Azure.Storage.Blobs.Models;
using Backfill.Core.Landing;
using Backfill.Core.Partitions;
using Backfill.Storage.Layout;

namespace Backfill.Storage.Landing;

/// <summary>Reads back the landing files that can hold events of a day, as of a processing time.</summary>
public sealed class LandingReader
{
    private readonly LakeStorage _lake;
    private readonly ArrivalWindow _window;

    /// <summary>Creates the reader.</summary>
    /// <param name="lake">The shared storage handle.</param>
    /// <param name="window">How late events may arrive, which bounds the folders read.</param>
    public LandingReader(LakeStorage lake, ArrivalWindow window)
    {
        ArgumentNullException.ThrowIfNull(lake);
        ArgumentNullException.ThrowIfNull(window);
        _lake = lake;
        _window = window;
        Map = new LandingMap(lake);
    }

    /// <summary>Gets the map of landing files into buckets, which a bucketed raw day reads instead of whole files.</summary>
    public LandingMap Map { get; }

    /// <summary>
    /// Returns every line of the landing hours that can hold events of <paramref name="day"/> and had fully
    /// arrived by <paramref name="processingTime"/>, in file name, then line order.
    /// </summary>
    /// <param name="day">The event day.</param>
    /// <param name="processingTime">The time the build pretends it runs at, UTC.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The lines with their arrival hours.</returns>
    public async Task<IReadOnlyList<LandedLine>> ReadAsync(Day day, DateTime processingTime, CancellationToken cancellationToken)
    {
        var files = await ListAsync(day, processingTime, cancellationToken).ConfigureAwait(false);
        var lines = await Task.WhenAll(files.Select(async file =>
        {
            // The whole file is its one piece: the lines are split as a map step splits them.
            await using var stream = await LandingPieceReader.OpenAsync(
                _lake.Container.GetBlobClient(file.Name), etag: null, 0, whole: true, cancellationToken).ConfigureAwait(false);
            return await LandingPieceReader.ReadAsync(stream, file.Name, 0, long.MaxValue, cancellationToken).ConfigureAwait(false);
        })).ConfigureAwait(false);
        return [.. lines.SelectMany(fileLines => fileLines)];
    }

    /// <summary>
    /// Pins the landing files <see cref="ReadAsync"/> would read, in the same order, with their content versions and
    /// sizes, split into map groups of at most <paramref name="mapGroupBytes"/> (see <see cref="MapGroups"/>).
    /// </summary>
    /// <param name="day">The event day.</param>
    /// <param name="processingTime">The time the build pretends it runs at, UTC.</param>
    /// <param name="mapGroupBytes">The most bytes of landing one map step reads; a larger file is cut into pieces.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The files; empty when nothing had landed.</returns>
    public async Task<IReadOnlyList<LandingPin>> PinAsync(Day day, DateTime processingTime, long mapGroupBytes, CancellationToken cancellationToken)
    {
        var files = await ListAsync(day, processingTime, cancellationToken).ConfigureAwait(false);
        var placements = MapGroups.Assign([.. files.Select(file => file.Bytes)], mapGroupBytes);
        return [.. files.Select((file, index) => file with { Group = placements[index].Group, Pieces = placements[index].Pieces })];
    }

    private async Task<List<LandingPin>> ListAsync(Day day, DateTime processingTime, CancellationToken cancellationToken)
    {
        var files = new List<LandingPin>();
        foreach (var date in _window.ArrivalDates(day, processingTime))
        {
            await foreach (var blob in _lake.Container.GetBlobsAsync(
                               BlobTraits.None, BlobStates.None, LakePaths.LandingDate(date), cancellationToken).ConfigureAwait(false))
            {
                if (ArrivalWindow.HasArrived(LakePaths.LandingHour(blob.Name), processingTime))
                {
                    files.Add(new LandingPin(blob.Name, blob.Properties.ETag?.ToString() ?? "", blob.Properties.ContentLength ?? 0, 0));
                }
            }
        }

        return files;
    }
}

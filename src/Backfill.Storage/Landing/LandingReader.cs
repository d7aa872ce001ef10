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
    }

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
        var names = new List<string>();
        foreach (var date in _window.ArrivalDates(day, processingTime))
        {
            await foreach (var blob in _lake.Container.GetBlobsAsync(
                               BlobTraits.None, BlobStates.None, LakePaths.LandingDate(date), cancellationToken).ConfigureAwait(false))
            {
                if (ArrivalWindow.HasArrived(LakePaths.LandingHour(blob.Name), processingTime))
                {
                    names.Add(blob.Name);
                }
            }
        }

        var files = await Task.WhenAll(names.Select(async name =>
        {
            var content = await _lake.Container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var arrival = LakePaths.LandingHour(name);
            return content.Value.Content.ToString()
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select((text, index) => new LandedLine(arrival, name, index + 1, text));
        })).ConfigureAwait(false);
        return [.. files.SelectMany(lines => lines)];
    }
}

using System.Text;
using Azure;
using Backfill.Core.Generation;
using Backfill.Storage.Layout;

namespace Backfill.Storage.Landing;

/// <summary>Lands lines by arrival time: one file per producer batch and arrival hour.</summary>
public sealed class LandingWriter
{
    // A day lands into about a hundred hour files; a few uploads at a time keep the connection pool small.
    private const int ConcurrentUploads = 8;

    private readonly LakeStorage _lake;

    /// <summary>Creates the writer.</summary>
    /// <param name="lake">The shared storage handle.</param>
    public LandingWriter(LakeStorage lake)
    {
        ArgumentNullException.ThrowIfNull(lake);
        _lake = lake;
    }

    /// <summary>
    /// Writes <c>landing/arrival_date=YYYY-MM-DD/arrival_hour=HH/{batch}.jsonl</c> for every hour the lines arrive
    /// in, lines in the order given. Landing is never modified, so an existing file of the same batch fails.
    /// </summary>
    /// <param name="batch">The producer batch name; unique per producer run, e.g. <c>gen-2025-01-03</c>.</param>
    /// <param name="lines">The lines with their arrival times.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <param name="keepExisting">
    /// Keep files of the batch that already landed instead of failing: for replaying a deterministic
    /// producer (the seed generator) after an interrupted run, without ever modifying landing.
    /// </param>
    /// <returns>The number of files written (kept files not counted).</returns>
    public async Task<int> WriteAsync(string batch, IEnumerable<GeneratedLine> lines, CancellationToken cancellationToken, bool keepExisting = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(batch);
        ArgumentNullException.ThrowIfNull(lines);
        var hours = new SortedDictionary<DateTime, StringBuilder>();
        foreach (var line in lines)
        {
            var hour = new DateTime(line.ArrivalTime.Ticks - (line.ArrivalTime.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);
            (hours.TryGetValue(hour, out var text) ? text : hours[hour] = new StringBuilder()).Append(line.Text).Append('\n');
        }

        var written = 0;
        await Parallel.ForEachAsync(
            hours,
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentUploads, CancellationToken = cancellationToken },
            async (hour, token) =>
            {
                try
                {
                    await _lake.Container.GetBlobClient(LakePaths.LandingFile(hour.Key, batch))
                        .UploadAsync(BinaryData.FromString(hour.Value.ToString()), overwrite: false, token).ConfigureAwait(false);
                    Interlocked.Increment(ref written);
                }
                catch (RequestFailedException ex) when (keepExisting && ex.Status == 409)
                {
                }
            }).ConfigureAwait(false);
        return written;
    }
}

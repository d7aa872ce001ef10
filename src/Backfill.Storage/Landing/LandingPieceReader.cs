using System.Buffers;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Backfill.Core.Landing;
using Backfill.Storage.Layout;

namespace Backfill.Storage.Landing;

/// <summary>
/// Reads the lines that start in one byte range of a landing file (<see cref="MapGroups.PieceRange"/>), streaming,
/// so a map step holds its piece's lines and never the file; a whole-file read is the one range from 0. A file's
/// lines are its text split on <c>\n</c>, empty lines neither kept nor numbered, each line decoded as UTF-8 on its own
/// (a newline byte never occurs inside a multi-byte character), so the pieces of a file give its lines once each, in
/// order, as the whole read does.
/// </summary>
internal static class LandingPieceReader
{
    private const int BufferBytes = 64 << 10;

    /// <summary>Where the stream given to <see cref="ReadAsync"/> must start: the byte before the range, which tells whether a line starts at the range's first byte.</summary>
    /// <param name="start">The range's first byte.</param>
    /// <returns>The file offset to read from.</returns>
    public static long OriginOf(long start) => Math.Max(0, start - 1);

    /// <summary>
    /// Opens the bytes <see cref="ReadAsync"/> needs for a range of a landing file, in the version <paramref name="etag"/>
    /// names when given (a blob of another version fails with 412). A whole file is one GET: opened as a seekable read
    /// stream it costs a HEAD before its GETs, twice the requests for the small files most landing is, on every raw
    /// day that reads them. A piece of a larger file reads on from its origin in the SDK's chunks instead, since its
    /// last line ends past the piece and one GET to the file's end would fetch the pieces after it.
    /// </summary>
    /// <param name="blob">The landing file.</param>
    /// <param name="etag">The version to read, or null for the current one.</param>
    /// <param name="start">The range's first byte.</param>
    /// <param name="whole">Whether the range is the whole file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stream to give <see cref="ReadAsync"/>; the caller disposes it.</returns>
    public static async Task<Stream> OpenAsync(BlobClient blob, string? etag, long start, bool whole, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var conditions = etag is null ? null : new BlobRequestConditions { IfMatch = new ETag(etag) };
        if (whole)
        {
            var download = await blob.DownloadStreamingAsync(new BlobDownloadOptions { Conditions = conditions }, cancellationToken).ConfigureAwait(false);
            return download.Value.Content;
        }

        return await blob.OpenReadAsync(
            new BlobOpenReadOptions(allowModifications: false) { Position = OriginOf(start), Conditions = conditions }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the range's lines, numbered from 1 within the range; reads past its end only to finish its last line.</summary>
    /// <param name="stream">The file's bytes from <see cref="OriginOf"/> of <paramref name="start"/> on.</param>
    /// <param name="name">The landing blob, whose folders give the arrival hour.</param>
    /// <param name="start">The range's first byte.</param>
    /// <param name="end">The byte after the range.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The lines that start in the range.</returns>
    public static async Task<List<LandedLine>> ReadAsync(Stream stream, string name, long start, long end, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var arrival = LakePaths.LandingHour(name);
        var lines = new List<LandedLine>();
        var line = new ArrayBufferWriter<byte>();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            var position = OriginOf(start);

            // From the byte before the range through the first newline is the end of the line before the range (or
            // just that newline): it belongs to the previous piece. The range's lines are those that start before its
            // end, so the read stops at the first line start at or past it.
            var skipping = start > 0;
            var atLineStart = !skipping;
            while (!(atLineStart && position >= end))
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, BufferBytes), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                for (var offset = 0; offset < read && !(atLineStart && position >= end);)
                {
                    var rest = buffer.AsSpan(offset, read - offset);
                    var newline = rest.IndexOf((byte)'\n');
                    if (!skipping)
                    {
                        line.Write(newline < 0 ? rest : rest[..newline]);
                    }

                    var taken = newline < 0 ? rest.Length : newline + 1;
                    (offset, position) = (offset + taken, position + taken);
                    if (newline >= 0 && !skipping)
                    {
                        Complete(line, lines, arrival, name);
                    }

                    skipping &= newline < 0;
                    atLineStart = newline >= 0;
                }
            }

            // A last line without a newline.
            if (!skipping)
            {
                Complete(line, lines, arrival, name);
            }

            return lines;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Complete(ArrayBufferWriter<byte> line, List<LandedLine> lines, DateTime arrival, string name)
    {
        if (line.WrittenCount > 0)
        {
            lines.Add(new LandedLine(arrival, name, lines.Count + 1, Encoding.UTF8.GetString(line.WrittenSpan)));
            line.ResetWrittenCount();
        }
    }
}

namespace Backfill.Core.Landing;

/// <summary>
/// Splits the landing files a day reads into map groups, so no map step reads more than a bound: runs of consecutive
/// files whose sizes add up to at most the bound share a group, and a file larger than the bound is cut into equal
/// byte pieces of at most the bound, one group each (<see cref="PieceRange"/>).
/// </summary>
public static class MapGroups
{
    /// <summary>Places each file, in the order given, in its first group and its number of pieces.</summary>
    /// <param name="sizes">The files' sizes in bytes, in the order they are read.</param>
    /// <param name="maxBytes">The most bytes one group reads, above zero.</param>
    /// <returns>
    /// Each file's placement: a file of one piece is in <see cref="MapPlacement.Group"/>; piece p of a larger file is
    /// alone in group <c>Group + p</c>. Groups count from 0 and never go back; empty for no files.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive, or a size is negative.</exception>
    public static IReadOnlyList<MapPlacement> Assign(IReadOnlyList<long> sizes, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        var placements = new MapPlacement[sizes.Count];
        var (group, filled) = (0, 0L);
        for (var i = 0; i < sizes.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(sizes[i]);
            if (filled > 0 && filled + sizes[i] > maxBytes)
            {
                (group, filled) = (group + 1, 0);
            }

            if (sizes[i] <= maxBytes)
            {
                placements[i] = new MapPlacement(group, 1);
                filled += sizes[i];
                continue;
            }

            // Its own groups: the next file starts a fresh one after its last piece.
            var pieces = checked((int)((sizes[i] + maxBytes - 1) / maxBytes));
            placements[i] = new MapPlacement(group, pieces);
            (group, filled) = (group + pieces, 0);
        }

        return placements;
    }

    /// <summary>
    /// The bytes piece <paramref name="piece"/> of a file cut into <paramref name="pieces"/> covers: equal pieces, the
    /// last one shorter. A piece holds the lines that start in its bytes, so a line crossing its end is read whole by it.
    /// </summary>
    /// <param name="bytes">The file's size.</param>
    /// <param name="pieces">How many pieces it is cut into, at least 1.</param>
    /// <param name="piece">The piece, from 0.</param>
    /// <returns>The first byte and the byte after the last, which is <paramref name="bytes"/> for the last piece.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The size is negative, or the piece is not one of the pieces.</exception>
    public static (long Start, long End) PieceRange(long bytes, int pieces, int piece)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pieces);
        ArgumentOutOfRangeException.ThrowIfNegative(piece);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(piece, pieces);
        var length = (bytes + pieces - 1) / pieces;
        return (Math.Min(bytes, piece * length), Math.Min(bytes, (piece + 1) * length));
    }
}

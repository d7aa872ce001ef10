namespace Backfill.Core.Landing;

/// <summary>
/// Splits the landing files a day reads into map groups: runs of consecutive files whose sizes add up to at most a
/// bound, so no map step reads more than the bound (a file larger than the bound is a group of its own: a file is
/// the smallest unit a map step reads).
/// </summary>
public static class MapGroups
{
    /// <summary>Assigns each file, in the order given, to a group.</summary>
    /// <param name="sizes">The files' sizes in bytes, in the order they are read.</param>
    /// <param name="maxBytes">The most bytes one group reads, above zero.</param>
    /// <returns>Each file's group, from 0, non-decreasing; empty for no files.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive, or a size is negative.</exception>
    public static IReadOnlyList<int> Assign(IReadOnlyList<long> sizes, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        var groups = new int[sizes.Count];
        var (group, filled) = (0, 0L);
        for (var i = 0; i < sizes.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(sizes[i]);
            if (filled > 0 && filled + sizes[i] > maxBytes)
            {
                (group, filled) = (group + 1, 0);
            }

            groups[i] = group;
            filled += sizes[i];
        }

        return groups;
    }
}

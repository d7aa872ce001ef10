namespace Backfill.Core.Merging;

/// <summary>The MERGE of a partition's write mode <c>merge</c>: matched rows updated, new rows inserted, other rows kept.</summary>
public static class RowMerge
{
    /// <summary>Merges <paramref name="incoming"/> into <paramref name="existing"/> by key.</summary>
    /// <typeparam name="TRow">The row type.</typeparam>
    /// <typeparam name="TKey">The merge key, e.g. (entity_id, date).</typeparam>
    /// <param name="existing">The live rows; keys unique.</param>
    /// <param name="incoming">The new rows; keys unique. On a matching key the incoming row wins.</param>
    /// <param name="key">The merge key of a row.</param>
    /// <param name="order">The storage order of the result.</param>
    /// <returns>The merged rows in storage order, and what happened to them.</returns>
    /// <exception cref="ArgumentException">A key repeats within one side.</exception>
    public static MergeResult<TRow> Merge<TRow, TKey>(
        IEnumerable<TRow> existing, IEnumerable<TRow> incoming, Func<TRow, TKey> key, IComparer<TRow> order)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(key);
        var merged = ToUniqueDictionary(existing, key, nameof(existing));
        var (updated, inserted) = (0, 0);
        foreach (var (rowKey, row) in ToUniqueDictionary(incoming, key, nameof(incoming)))
        {
            if (merged.ContainsKey(rowKey))
            {
                updated++;
            }
            else
            {
                inserted++;
            }

            merged[rowKey] = row;
        }

        var rows = merged.Values.ToList();
        rows.Sort(order);
        return new MergeResult<TRow>(rows, updated, inserted, rows.Count - updated - inserted);
    }

    /// <summary>
    /// Merges rows without a key, such as raw events (a redelivery can repeat a whole row): each distinct row is kept
    /// as often as the side with more copies has it. Landing is append-only, so a later build has every earlier row,
    /// and merging it into an earlier one gives exactly the later build, as overwrite does.
    /// </summary>
    /// <typeparam name="TRow">The row type, with value equality.</typeparam>
    /// <param name="existing">The live rows.</param>
    /// <param name="incoming">The new rows.</param>
    /// <param name="order">The storage order of the result.</param>
    /// <returns>The merged rows in storage order.</returns>
    public static IReadOnlyList<TRow> MergeCopies<TRow>(IEnumerable<TRow> existing, IEnumerable<TRow> incoming, IComparer<TRow> order)
        where TRow : notnull
    {
        var copies = existing.CountBy(row => row).ToDictionary();
        foreach (var (row, count) in incoming.CountBy(row => row))
        {
            copies[row] = Math.Max(count, copies.GetValueOrDefault(row));
        }

        var rows = copies.SelectMany(pair => Enumerable.Repeat(pair.Key, pair.Value)).ToList();
        rows.Sort(order);
        return rows;
    }

    private static Dictionary<TKey, TRow> ToUniqueDictionary<TRow, TKey>(IEnumerable<TRow> rows, Func<TRow, TKey> key, string side)
        where TKey : notnull
    {
        var result = new Dictionary<TKey, TRow>();
        foreach (var row in rows)
        {
            if (!result.TryAdd(key(row), row))
            {
                throw new ArgumentException($"Merge key {key(row)} repeats in the {side} rows.", side);
            }
        }

        return result;
    }
}

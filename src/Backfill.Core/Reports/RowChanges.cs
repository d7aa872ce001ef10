namespace Backfill.Core.Reports;

/// <summary>
/// How the rows of a partition changed between two commits, counted by key: a key present only after was added, only
/// before was removed, and in both with different rows was modified. Rows that repeat a key (raw keeps duplicate
/// events) are compared as a multiset per key.
/// </summary>
/// <param name="Added">Keys only in the new commit.</param>
/// <param name="Removed">Keys only in the previous commit.</param>
/// <param name="Modified">Keys in both whose rows differ.</param>
public sealed record RowChanges(int Added, int Removed, int Modified)
{
    /// <summary>Gets the changed-row count: keys added, removed or modified.</summary>
    public int Changed => Added + Removed + Modified;

    /// <summary>
    /// Adds the changes of disjoint parts of a partition (its buckets: no key is in two of them), so a day is compared
    /// a bucket at a time.
    /// </summary>
    /// <param name="parts">The parts' changes.</param>
    /// <returns>The partition's changes.</returns>
    public static RowChanges Sum(IEnumerable<RowChanges> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Aggregate(new RowChanges(0, 0, 0), (sum, part) => new RowChanges(sum.Added + part.Added, sum.Removed + part.Removed, sum.Modified + part.Modified));
    }

    /// <summary>Compares the rows of two commits of one partition.</summary>
    /// <typeparam name="TRow">The row type; its equality decides whether a row changed.</typeparam>
    /// <typeparam name="TKey">The row key, e.g. entity and date for features, event id for events.</typeparam>
    /// <param name="before">The previous commit's rows.</param>
    /// <param name="after">The new commit's rows.</param>
    /// <param name="key">The key of a row.</param>
    /// <returns>The counts.</returns>
    public static RowChanges Of<TRow, TKey>(IEnumerable<TRow> before, IEnumerable<TRow> after, Func<TRow, TKey> key)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(key);
        var old = before.GroupBy(key).ToDictionary(g => g.Key, g => g.ToList());
        int added = 0, modified = 0, matched = 0;
        foreach (var group in after.GroupBy(key))
        {
            if (!old.TryGetValue(group.Key, out var previous))
            {
                added++;
                continue;
            }

            matched++;
            if (!SameMultiset(previous, [.. group]))
            {
                modified++;
            }
        }

        return new RowChanges(added, old.Count - matched, modified);
    }

    private static bool SameMultiset<TRow>(List<TRow> a, List<TRow> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        var remaining = new List<TRow>(a);
        return b.All(row => remaining.Remove(row));
    }
}

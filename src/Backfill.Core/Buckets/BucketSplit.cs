namespace Backfill.Core.Buckets;

/// <summary>Splits rows into entity buckets.</summary>
public static class BucketSplit
{
    /// <summary>
    /// Returns the rows of each bucket, keeping their order within a bucket, so rows already in storage order
    /// stay in storage order in every bucket.
    /// </summary>
    /// <param name="rows">The rows.</param>
    /// <param name="entityIdOf">The entity id of a row.</param>
    /// <param name="count">The bucket count.</param>
    /// <typeparam name="T">The row type.</typeparam>
    /// <returns>One list per bucket, indexed by bucket; a bucket without rows has an empty list.</returns>
    /// <exception cref="ArgumentNullException">An argument, or a row's entity id, is null.</exception>
    public static IReadOnlyList<T>[] Split<T>(IEnumerable<T> rows, Func<T, string> entityIdOf, BucketCount count)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(entityIdOf);
        var buckets = Enumerable.Range(0, count.Value).Select(_ => new List<T>()).ToArray();
        foreach (var row in rows)
        {
            buckets[EntityBucket.Of(entityIdOf(row), count)].Add(row);
        }

        return [.. buckets];
    }
}

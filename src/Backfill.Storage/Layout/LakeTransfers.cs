namespace Backfill.Storage.Layout;

/// <summary>
/// How one step moves its many small files (a map group's shards, an id exchange's ranges): a few at a time, so a
/// step neither waits on one request at a time nor floods the storage account.
/// </summary>
internal static class LakeTransfers
{
    private const int Concurrent = 8;

    /// <summary>Runs <paramref name="body"/> for each index, at most <see cref="Concurrent"/> at once.</summary>
    public static Task ConcurrentlyAsync(IEnumerable<int> indexes, Func<int, CancellationToken, Task> body, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            indexes,
            new ParallelOptions { MaxDegreeOfParallelism = Concurrent, CancellationToken = cancellationToken },
            async (index, token) => await body(index, token).ConfigureAwait(false));
}

namespace Backfill.Storage.Backfills;

/// <summary>
/// The bounded attempt log of one work item: the item table keeps its newest <see cref="MaxKept"/> attempts, each error
/// cut to <see cref="MaxErrorChars"/>, so a row stays a few KB however often an item is retried or rerun.
/// </summary>
public static class ItemAttempts
{
    /// <summary>How many attempts of one item the log keeps (the newest).</summary>
    public const int MaxKept = 10;

    /// <summary>The longest error an attempt keeps; the full latest error stays in the row's own error.</summary>
    public const int MaxErrorChars = 500;

    /// <summary>
    /// Adds <paramref name="next"/> after <paramref name="kept"/>, dropping the oldest beyond <see cref="MaxKept"/>. Recording the same
    /// attempt again (same number and start, as a retried table write does) replaces it instead of adding a twin.
    /// </summary>
    /// <param name="kept">The log so far, oldest first.</param>
    /// <param name="next">The attempt that just ended.</param>
    /// <returns>The new log, oldest first.</returns>
    public static IReadOnlyList<ItemAttempt> Append(IReadOnlyList<ItemAttempt> kept, ItemAttempt next)
    {
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(next);
        var cut = next.Error is { Length: > MaxErrorChars } error ? next with { Error = error[..(MaxErrorChars - 1)] + "…" } : next;
        var log = kept.Where(a => a.Attempt != cut.Attempt || a.StartedAt != cut.StartedAt).Append(cut).ToList();
        return log.Count > MaxKept ? log[^MaxKept..] : log;
    }
}

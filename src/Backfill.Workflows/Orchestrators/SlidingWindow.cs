using Microsoft.DurableTask;

namespace Backfill.Workflows.Orchestrators;

/// <summary>
/// Runs one durable task per item with at most a cap in flight, refilling as each finishes (not in
/// fixed batches that wait for the slowest). Deterministic: it only schedules and awaits durable
/// tasks, so it is safe inside an orchestrator and replays identically.
/// </summary>
public static class SlidingWindow
{
    /// <summary>Starts <paramref name="start"/> for each item in order, never more than <paramref name="maxParallel"/> at once.</summary>
    /// <param name="items">The items, in starting order.</param>
    /// <param name="maxParallel">The most in flight.</param>
    /// <param name="start">Starts one item.</param>
    /// <param name="stopAfter">When a result matches, no further item starts (those in flight still finish); null runs every item.</param>
    /// <returns>The results in completion order.</returns>
    public static async Task<IReadOnlyList<TResult>> RunAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        int maxParallel,
        Func<TItem, Task<TResult>> start,
        Func<TResult, bool>? stopAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallel, 1);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(start);
        var results = new List<TResult>();
        var inFlight = new List<Task<TResult>>(maxParallel);
        using var pending = items.GetEnumerator();
        var more = pending.MoveNext();
        while (more || inFlight.Count > 0)
        {
            while (more && inFlight.Count < maxParallel)
            {
                inFlight.Add(start(pending.Current));
                more = pending.MoveNext();
            }

            var done = await Task.WhenAny(inFlight).ConfigureAwait(true);
            inFlight.Remove(done);
            var result = await done.ConfigureAwait(true);
            results.Add(result);
            more &= stopAfter?.Invoke(result) != true;
        }

        return results;
    }
}

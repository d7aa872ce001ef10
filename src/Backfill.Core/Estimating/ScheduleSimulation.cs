namespace Backfill.Core.Estimating;

/// <summary>
/// Replays how a backfill orchestration schedules its items, on a virtual clock: items start in plan order as soon as
/// every item they depend on has finished, never more than the cap at once, and a freed slot goes to the earliest
/// ready item of the plan (the orchestrator's ready queue is ordered the same way).
/// </summary>
public static class ScheduleSimulation
{
    /// <summary>Returns when the last item finishes, the first starting at zero.</summary>
    /// <typeparam name="TItem">The item type; equal items are the same item.</typeparam>
    /// <param name="items">Every item once, each after the items it depends on.</param>
    /// <param name="dependsOn">The items of <paramref name="items"/> an item waits for; others are ignored.</param>
    /// <param name="duration">How long an item takes; not negative.</param>
    /// <param name="maxParallel">The most items in flight at once; at least 1.</param>
    /// <returns>The makespan; zero for no items.</returns>
    /// <exception cref="ArgumentException">A duration is negative, or an item depends on one after it.</exception>
    public static TimeSpan Makespan<TItem>(
        IReadOnlyList<TItem> items, Func<TItem, IEnumerable<TItem>> dependsOn, Func<TItem, TimeSpan> duration, int maxParallel)
        where TItem : notnull
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(dependsOn);
        ArgumentNullException.ThrowIfNull(duration);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallel, 1);
        var index = new Dictionary<TItem, int>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            index[items[i]] = i;
        }

        var waitingFor = new int[items.Count];
        var dependents = new List<int>[items.Count];
        var cost = new TimeSpan[items.Count];
        var ready = new SortedSet<int>();
        for (var i = 0; i < items.Count; i++)
        {
            dependents[i] = [];
            cost[i] = duration(items[i]);
            if (cost[i] < TimeSpan.Zero)
            {
                throw new ArgumentException($"Item {items[i]} has a negative duration.", nameof(duration));
            }

            foreach (var d in dependsOn(items[i]).Where(index.ContainsKey).Select(d => index[d]).Distinct())
            {
                if (d >= i)
                {
                    throw new ArgumentException($"Item {items[i]} depends on {items[d]}, which comes after it.", nameof(dependsOn));
                }

                dependents[d].Add(i);
                waitingFor[i]++;
            }

            if (waitingFor[i] == 0)
            {
                ready.Add(i);
            }
        }

        // Ties on the finish time break by plan index, so the replay is deterministic.
        var inFlight = new PriorityQueue<int, (TimeSpan Finish, int Index)>();
        var now = TimeSpan.Zero;
        while (true)
        {
            while (ready.Count > 0 && inFlight.Count < maxParallel)
            {
                var next = ready.Min;
                ready.Remove(next);
                inFlight.Enqueue(next, (now + cost[next], next));
            }

            if (!inFlight.TryDequeue(out var done, out var at))
            {
                return now;
            }

            now = at.Finish;
            foreach (var dependent in dependents[done])
            {
                if (--waitingFor[dependent] == 0)
                {
                    ready.Add(dependent);
                }
            }
        }
    }
}

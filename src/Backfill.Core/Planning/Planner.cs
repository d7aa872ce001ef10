using Backfill.Core.Layers;
using Backfill.Core.Partitions;

namespace Backfill.Core.Planning;

/// <summary>Turns the days and layers a backfill names into a <see cref="Plan"/>.</summary>
public static class Planner
{
    /// <summary>
    /// Plans every requested layer for every requested day. Items run after everything of the plan they
    /// depend on; among items free to run, <paramref name="order"/> decides which day comes first, and within
    /// a day raw runs before staging before features.
    /// </summary>
    /// <param name="days">The days to rebuild.</param>
    /// <param name="layers">The layers to rebuild; at least one, duplicates ignored.</param>
    /// <param name="dependencies">Which partitions each work item reads.</param>
    /// <param name="order">Whether free items take the earliest or the latest day first.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException"><paramref name="layers"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A layer or <paramref name="order"/> is not a defined value.
    /// </exception>
    public static Plan Create(
        PartitionSet days, IReadOnlyCollection<Layer> layers, LayerDependencies dependencies, PartitionOrder order)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(dependencies);
        if (layers.Count == 0)
        {
            throw new ArgumentException("A plan needs at least one layer.", nameof(layers));
        }

        foreach (var layer in layers)
        {
            if (!Enum.IsDefined(layer))
            {
                throw new ArgumentOutOfRangeException(nameof(layers), layer, $"Unknown layer {layer}.");
            }
        }

        if (!Enum.IsDefined(order))
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, $"Unknown order {order}.");
        }

        var planLayers = layers.Distinct().Order().ToArray();
        return Create([.. days.SelectMany(day => planLayers.Select(layer => new WorkItem(layer, day)))], dependencies, order);
    }

    /// <summary>
    /// Plans exactly <paramref name="items"/> (e.g. what a reprocess mode chose): the same order and dependency rules as
    /// the plan of whole days and layers, with inputs outside the set assumed committed.
    /// </summary>
    /// <param name="items">The work items; duplicates ignored.</param>
    /// <param name="dependencies">Which partitions each work item reads.</param>
    /// <param name="order">Whether free items take the earliest or the latest day first.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is not a defined value.</exception>
    public static Plan Create(IReadOnlyCollection<WorkItem> items, LayerDependencies dependencies, PartitionOrder order)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(dependencies);
        if (!Enum.IsDefined(order))
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, $"Unknown order {order}.");
        }

        var inPlan = items.ToHashSet();

        var dependsOn = new Dictionary<WorkItem, IReadOnlyList<WorkItem>>(inPlan.Count);
        var dependents = new Dictionary<WorkItem, List<WorkItem>>(inPlan.Count);
        var waitingOn = new Dictionary<WorkItem, int>(inPlan.Count);
        var ready = new PriorityQueue<WorkItem, (int Day, Layer Layer)>();
        foreach (var item in inPlan)
        {
            var upstream = dependencies.Upstream(item).Where(inPlan.Contains).ToArray();
            dependsOn[item] = upstream.AsReadOnly();
            waitingOn[item] = upstream.Length;
            foreach (var input in upstream)
            {
                if (!dependents.TryGetValue(input, out var readers))
                {
                    readers = [];
                    dependents[input] = readers;
                }

                readers.Add(item);
            }

            if (upstream.Length == 0)
            {
                ready.Enqueue(item, Priority(item, order));
            }
        }

        // Kahn's algorithm: an item becomes ready once its last input in the plan is placed; the priority
        // queue only chooses among ready items, so the order stays topological.
        var ordered = new List<WorkItem>(inPlan.Count);
        while (ready.TryDequeue(out var item, out _))
        {
            ordered.Add(item);
            if (!dependents.TryGetValue(item, out var readers))
            {
                continue;
            }

            foreach (var reader in readers)
            {
                if (--waitingOn[reader] == 0)
                {
                    ready.Enqueue(reader, Priority(reader, order));
                }
            }
        }

        return new Plan(ordered.AsReadOnly(), dependsOn.AsReadOnly());
    }

    private static (int Day, Layer Layer) Priority(WorkItem item, PartitionOrder order)
    {
        var day = item.Partition.Date.DayNumber;
        return (order == PartitionOrder.Ascending ? day : -day, item.Layer);
    }
}

using Backfill.Core.Partitions;
using Backfill.Core.Planning;

namespace Backfill.Core.Layers;

/// <summary>
/// Which partitions each work item reads. raw(D) reads only landing; staging(D) reads raw(D);
/// features(D) reads staging(D-W+1..D), where W is <see cref="FeatureWindowDays"/>.
/// </summary>
public sealed class LayerDependencies
{
    /// <summary>
    /// The default of <see cref="FeatureWindowDays"/>; a feature version may read a longer window
    /// (<c>features_v2</c>: 28 days).
    /// </summary>
    public const int DefaultFeatureWindowDays = 7;

    /// <summary>Creates the dependency model for a feature window of W days.</summary>
    /// <param name="featureWindowDays">W: how many staging days, ending at D, features(D) reads; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="featureWindowDays"/> is less than 1.</exception>
    public LayerDependencies(int featureWindowDays = DefaultFeatureWindowDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(featureWindowDays, 1);
        FeatureWindowDays = featureWindowDays;
    }

    /// <summary>Gets W: how many staging days, ending at D, features(D) reads.</summary>
    public int FeatureWindowDays { get; }

    /// <summary>Returns the work items <paramref name="item"/> reads, in ascending day order.</summary>
    /// <param name="item">The reading work item.</param>
    /// <returns>None for raw; raw(D) for staging(D); staging(D-W+1..D) for features(D).</returns>
    public IReadOnlyList<WorkItem> Upstream(WorkItem item) => item.Layer switch
    {
        Layer.Raw => [],
        Layer.Staging => [item with { Layer = Layer.Raw }],
        Layer.Features => Span(Layer.Staging, item.Partition, -(FeatureWindowDays - 1), 0),
        _ => throw UnknownLayer(item.Layer, nameof(item)),
    };

    /// <summary>
    /// Returns the work items of the next layer whose inputs include <paramref name="changed"/>, in ascending
    /// day order.
    /// </summary>
    /// <param name="changed">The work item whose partition changed.</param>
    /// <returns>staging(X) for raw(X); features(X..X+W-1) for staging(X); none for features.</returns>
    public IReadOnlyList<WorkItem> Downstream(WorkItem changed) => changed.Layer switch
    {
        Layer.Raw => [changed with { Layer = Layer.Staging }],
        Layer.Staging => Span(Layer.Features, changed.Partition, 0, FeatureWindowDays - 1),
        Layer.Features => [],
        _ => throw UnknownLayer(changed.Layer, nameof(changed)),
    };

    /// <summary>
    /// Returns every work item made stale when <paramref name="changed"/> changes: the transitive closure of
    /// <see cref="Downstream(WorkItem)"/>, ordered by layer, then day, which is also an order to rebuild them in.
    /// </summary>
    /// <param name="changed">The work item whose partition changed; not itself included.</param>
    /// <returns>For raw(X): staging(X), then features(X..X+W-1).</returns>
    public IReadOnlyList<WorkItem> Invalidated(WorkItem changed)
    {
        var found = new HashSet<WorkItem>();
        var pending = new Queue<WorkItem>([changed]);
        while (pending.TryDequeue(out var item))
        {
            foreach (var next in Downstream(item))
            {
                if (found.Add(next))
                {
                    pending.Enqueue(next);
                }
            }
        }

        return [.. found.OrderBy(item => item.Layer).ThenBy(item => item.Partition)];
    }

    /// <summary>
    /// The items of <paramref name="layer"/> from <paramref name="day"/> + <paramref name="fromOffset"/> to
    /// <paramref name="day"/> + <paramref name="toOffset"/>, clipped to the calendar so windows at its ends
    /// do not throw.
    /// </summary>
    private static WorkItem[] Span(Layer layer, Day day, int fromOffset, int toOffset)
    {
        var first = Math.Max((long)day.Date.DayNumber + fromOffset, DateOnly.MinValue.DayNumber);
        var last = Math.Min((long)day.Date.DayNumber + toOffset, DateOnly.MaxValue.DayNumber);
        return [.. Enumerable.Range((int)first, (int)(last - first + 1))
            .Select(number => new WorkItem(layer, new Day(DateOnly.FromDayNumber(number))))];
    }

    private static ArgumentOutOfRangeException UnknownLayer(Layer layer, string paramName) =>
        new(paramName, layer, $"Unknown layer {layer}.");
}

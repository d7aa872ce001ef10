using Backfill.Core.Layers;

namespace Backfill.Core.Planning;

/// <summary>
/// The work items of a backfill in an order that runs every item after the items it depends on, with the
/// dependencies between them. Created by <see cref="Planner"/>.
/// </summary>
public sealed record Plan
{
    private readonly Dictionary<Layer, int> _countByLayer;

    internal Plan(IReadOnlyList<WorkItem> items, IReadOnlyDictionary<WorkItem, IReadOnlyList<WorkItem>> dependsOn)
    {
        Items = items;
        DependsOn = dependsOn;
        _countByLayer = items.CountBy(item => item.Layer).ToDictionary();
    }

    /// <summary>Gets every work item once, each after all the items it depends on.</summary>
    public IReadOnlyList<WorkItem> Items { get; }

    /// <summary>
    /// Gets, for every item of the plan, the items of this plan it must wait for, in ascending day order.
    /// Inputs outside the plan are not listed: they are assumed already committed.
    /// </summary>
    public IReadOnlyDictionary<WorkItem, IReadOnlyList<WorkItem>> DependsOn { get; }

    /// <summary>Returns how many work items of <paramref name="layer"/> the plan has.</summary>
    /// <param name="layer">The layer to count.</param>
    /// <returns>The number of items of that layer; 0 when the layer was not requested.</returns>
    public int CountOf(Layer layer) => _countByLayer.GetValueOrDefault(layer);
}

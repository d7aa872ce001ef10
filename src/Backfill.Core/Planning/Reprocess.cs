using Backfill.Core.Layers;
using Backfill.Core.Partitions;

namespace Backfill.Core.Planning;

/// <summary>
/// Chooses the work items a backfill rebuilds under a <see cref="ReprocessMode"/>, partition by partition. A partition
/// in the mode's state is chosen, and so is every item of the request that reads it, directly or through other items
/// (a rebuilt input makes its readers stale). Readers outside the request's days and layers are not added: the
/// request bounds what a backfill writes; a wider request, or <c>stale</c> later, picks them up.
/// </summary>
public static class Reprocess
{
    /// <summary>The items of the request to rebuild, each with why.</summary>
    /// <param name="mode">The reprocess mode.</param>
    /// <param name="days">The request's days.</param>
    /// <param name="layers">The request's layers.</param>
    /// <param name="dependencies">Which partitions each work item reads.</param>
    /// <param name="stateOf">The state of the partition a work item writes.</param>
    /// <returns>The chosen items with their reasons, by layer, then day.</returns>
    public static IReadOnlyList<(WorkItem Item, string Reason)> Select(
        ReprocessMode mode, PartitionSet days, IReadOnlyCollection<Layer> layers, LayerDependencies dependencies, Func<WorkItem, PartitionState> stateOf)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(dependencies);
        ArgumentNullException.ThrowIfNull(stateOf);
        var requested = layers.Distinct().Order().SelectMany(layer => days.Select(day => new WorkItem(layer, day))).ToList();
        if (mode is ReprocessMode.Changed or ReprocessMode.All)
        {
            var reason = mode == ReprocessMode.All ? "reprocess all" : "reprocess changed";
            return [.. requested.Select(item => (item, reason))];
        }

        var wanted = StateOf(mode);
        var inRequest = requested.ToHashSet();
        var reasons = new Dictionary<WorkItem, string>();

        // Seeds first, in layer then day order; then readers breadth-first, so each reader names the nearest seed.
        var pending = new Queue<WorkItem>();
        foreach (var item in requested.Where(item => stateOf(item) == wanted))
        {
            reasons[item] = Describe(wanted);
            pending.Enqueue(item);
        }

        while (pending.TryDequeue(out var changed))
        {
            foreach (var reader in dependencies.Downstream(changed).Where(r => inRequest.Contains(r) && !reasons.ContainsKey(r)))
            {
                reasons[reader] = $"reads {changed.Id}, which is rebuilt";
                pending.Enqueue(reader);
            }
        }

        return [.. requested.Where(reasons.ContainsKey).Select(item => (item, reasons[item]))];
    }

    /// <summary>The partition state a mode rebuilds; only for <c>failed</c>, <c>missing</c> and <c>stale</c>.</summary>
    /// <param name="mode">The reprocess mode.</param>
    /// <returns>The state.</returns>
    public static PartitionState StateOf(ReprocessMode mode) => mode switch
    {
        ReprocessMode.Failed => PartitionState.Failed,
        ReprocessMode.Missing => PartitionState.Missing,
        ReprocessMode.Stale => PartitionState.Stale,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Only failed, missing and stale choose partitions by their state."),
    };

    private static string Describe(PartitionState state) => state switch
    {
        PartitionState.Failed => "failed: its latest attempt failed after its live commit",
        PartitionState.Missing => "missing: no live commit",
        _ => "stale: an input changed since it was built",
    };
}

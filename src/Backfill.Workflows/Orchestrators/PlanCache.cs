using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using Backfill.Workflows.Models;

namespace Backfill.Workflows.Orchestrators;

/// <summary>
/// The orchestrator replays from the start of its generation for every batch of events, and a
/// 10,950-item plan takes ~50 ms to build. The plan is a pure function of the spec, so reusing it
/// across replays is safe (same input, same plan) and keeps per-item overhead flat at any size.
/// </summary>
internal static class PlanCache
{
    private const int Capacity = 16;
    private static readonly PartitionSetParseOptions Canonical = new() { MaxDays = int.MaxValue };
    private static readonly Dictionary<(string Partitions, string Layers, int Window, PartitionOrder Order, string? Items), Plan> Plans = [];
    private static readonly Queue<(string, string, int, PartitionOrder, string?)> Order = new();
    private static readonly Lock Gate = new();

    public static Plan Get(BackfillSpec spec)
    {
        var key = (spec.Partitions, string.Join(',', spec.Layers), spec.FeatureWindowDays, spec.Order, spec.Items);
        lock (Gate)
        {
            if (Plans.TryGetValue(key, out var cached))
            {
                return cached;
            }
        }

        var dependencies = new LayerDependencies(spec.FeatureWindowDays);
        var plan = spec.Items is { } items
            ? Planner.Create(WorkItemSet.Parse(items), dependencies, spec.Order)
            : Planner.Create(PartitionSetParser.Parse(spec.Partitions, Canonical), spec.Layers, dependencies, spec.Order);
        lock (Gate)
        {
            if (Plans.TryAdd(key, plan))
            {
                Order.Enqueue(key);
                while (Order.Count > Capacity)
                {
                    Plans.Remove(Order.Dequeue());
                }
            }
        }

        return plan;
    }
}

using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;

namespace Backfill.Core.Tests.Planning;

/// <summary>Small plans with a 2-day feature window, so a few days show every dependency.</summary>
internal static class TestPlans
{
    /// <summary>Gets the dependency model: features(D) reads staging(D-1..D).</summary>
    public static LayerDependencies Window2 { get; } = new(2);

    /// <summary>Plans <paramref name="layers"/> over a partition set, ascending.</summary>
    public static Plan Of(string days, params Layer[] layers) =>
        Planner.Create(PartitionSetParser.Parse(days, new PartitionSetParseOptions()), layers, Window2, PartitionOrder.Ascending);
}

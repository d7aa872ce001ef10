using Backfill.Core.Layers;
using Backfill.Core.Partitions;

namespace Backfill.Core.Tests.Planning;

/// <summary>The inputs of one <c>Planner.Create</c> call, for property tests.</summary>
/// <param name="Days">The days to plan.</param>
/// <param name="Layers">The requested layers, possibly with duplicates.</param>
/// <param name="Dependencies">The dependency model.</param>
/// <param name="Order">The order of independent items.</param>
public sealed record PlanCase(PartitionSet Days, Layer[] Layers, LayerDependencies Dependencies, PartitionOrder Order)
{
    /// <summary>Names the inputs so a failing case can be reproduced by hand.</summary>
    public override string ToString() =>
        $"days={Days}, layers={string.Join(',', Layers)}, window={Dependencies.FeatureWindowDays}, order={Order}";
}

using System.Numerics;

namespace Backfill.Core.Features;

/// <summary>The number of distinct event types the entity had.</summary>
public sealed record DistinctEventTypes : FeatureExpression
{
    /// <inheritdoc />
    public override string CanonicalText => "count_distinct(event_type)";

    /// <inheritdoc />
    public override decimal Evaluate(in WindowTotals totals) => BitOperations.PopCount((uint)totals.Types);
}

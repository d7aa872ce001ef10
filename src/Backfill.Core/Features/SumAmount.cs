using Backfill.Core.Events;

namespace Backfill.Core.Features;

/// <summary>The sum of staged amounts of the given types (refunds count negative).</summary>
/// <param name="Types">The event types summed.</param>
public sealed record SumAmount(EventTypes Types) : FeatureExpression
{
    /// <inheritdoc />
    public override string CanonicalText => $"sum(amount | event_type in {Types.ToCanonicalText()})";

    /// <inheritdoc />
    public override decimal Evaluate(in WindowTotals totals) => CountEvents.Sum(totals.Amounts, Types);
}

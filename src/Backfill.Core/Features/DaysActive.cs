namespace Backfill.Core.Features;

/// <summary>The number of days the entity had at least one event.</summary>
public sealed record DaysActive : FeatureExpression
{
    /// <inheritdoc />
    public override string CanonicalText => "count_distinct(date | events > 0)";

    /// <inheritdoc />
    public override decimal Evaluate(in WindowTotals totals) => totals.DaysActive;
}

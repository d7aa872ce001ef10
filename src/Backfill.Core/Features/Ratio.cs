namespace Backfill.Core.Features;

/// <summary>One expression divided by another; 0 when the denominator is 0 (no purchases: no order value).</summary>
/// <param name="Numerator">The dividend.</param>
/// <param name="Denominator">The divisor.</param>
public sealed record Ratio(FeatureExpression Numerator, FeatureExpression Denominator) : FeatureExpression
{
    /// <inheritdoc />
    public override string CanonicalText => $"ratio({Numerator.CanonicalText}, {Denominator.CanonicalText}, 0)";

    /// <inheritdoc />
    public override decimal Evaluate(in WindowTotals totals)
    {
        var denominator = Denominator.Evaluate(totals);
        return denominator == 0 ? 0 : Numerator.Evaluate(totals) / denominator;
    }
}

namespace Backfill.Core.Features;

/// <summary>
/// An aggregation over one entity's daily rollups in a feature's window. A closed set of typed forms: each renders
/// to one canonical text, which is what the config hash covers, so no expression parser is needed.
/// </summary>
public abstract record FeatureExpression
{
    private protected FeatureExpression()
    {
    }

    /// <summary>Gets the canonical text, e.g. <c>sum(amount | event_type in {purchase})</c>.</summary>
    public abstract string CanonicalText { get; }

    /// <summary>Evaluates the expression exactly from one entity's totals over the feature's window.</summary>
    /// <param name="totals">The entity's rollups summed over the window.</param>
    /// <returns>The value.</returns>
    public abstract decimal Evaluate(in WindowTotals totals);

    /// <inheritdoc />
    public sealed override string ToString() => CanonicalText;
}

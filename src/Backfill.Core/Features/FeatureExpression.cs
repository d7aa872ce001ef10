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

    /// <summary>Evaluates the expression exactly, over the rollups of one entity inside the window.</summary>
    /// <param name="window">The entity's rollups whose day is inside the window; days without events are absent.</param>
    /// <returns>The value.</returns>
    public abstract decimal Evaluate(IReadOnlyList<DailyRollup> window);

    /// <inheritdoc />
    public sealed override string ToString() => CanonicalText;
}

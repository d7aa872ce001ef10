using System.Globalization;

namespace Backfill.Core.Features;

/// <summary>One feature as data: its column name, how many days ending at D it aggregates, and how.</summary>
/// <param name="Name">The column name, e.g. <c>purchases_7d</c>.</param>
/// <param name="WindowDays">The days D-W+1..D the expression aggregates; at least 1.</param>
/// <param name="Expression">The aggregation.</param>
public sealed record FeatureDefinition(string Name, int WindowDays, FeatureExpression Expression)
{
    /// <summary>Gets the canonical text, e.g. <c>purchases_7d = count(event_type in {purchase}) over 7d</c>.</summary>
    public string CanonicalText =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} = {Expression.CanonicalText} over {WindowDays}d");
}

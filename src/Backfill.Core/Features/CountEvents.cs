using Backfill.Core.Events;

namespace Backfill.Core.Features;

/// <summary>The number of events of the given types.</summary>
/// <param name="Types">The event types counted.</param>
public sealed record CountEvents(EventTypes Types) : FeatureExpression
{
    /// <inheritdoc />
    public override string CanonicalText => $"count(event_type in {Types.ToCanonicalText()})";

    /// <inheritdoc />
    public override decimal Evaluate(IReadOnlyList<DailyRollup> window) =>
        Selected().Sum(type => window.Sum(rollup => rollup.Counts[type]));

    internal IEnumerable<EventType> Selected() => EventTypeNames.All.Where(type => Types.HasFlag(type.ToSet()));
}

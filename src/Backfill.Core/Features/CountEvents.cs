using Backfill.Core.Events;

namespace Backfill.Core.Features;

/// <summary>The number of events of the given types.</summary>
/// <param name="Types">The event types counted.</param>
public sealed record CountEvents(EventTypes Types) : FeatureExpression
{
    /// <inheritdoc />
    public override string CanonicalText => $"count(event_type in {Types.ToCanonicalText()})";

    /// <inheritdoc />
    public override decimal Evaluate(in WindowTotals totals) => Sum(totals.Counts, Types);

    /// <summary>Sums the values of the types in <paramref name="types"/>; a loop over five bits, no allocation.</summary>
    internal static T Sum<T>(PerEventType<T> values, EventTypes types)
        where T : System.Numerics.INumber<T>
    {
        var total = T.Zero;
        for (var type = EventType.View; type <= EventType.Refund; type++)
        {
            if ((types & type.ToSet()) != 0)
            {
                total += values[type];
            }
        }

        return total;
    }
}

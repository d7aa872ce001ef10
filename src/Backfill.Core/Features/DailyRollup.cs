using Backfill.Core.Events;

namespace Backfill.Core.Features;

/// <summary>
/// One entity's staged events of one day, summed per event type. Staging publishes these with its events, so
/// features(D) combines a few small rollups instead of re-reading every event of its window.
/// </summary>
/// <param name="EntityId">The entity.</param>
/// <param name="Date">The event day.</param>
/// <param name="Counts">Events per type.</param>
/// <param name="Amounts">Staged amounts per type; refunds are negative.</param>
public sealed record DailyRollup(string EntityId, DateOnly Date, PerEventType<long> Counts, PerEventType<decimal> Amounts)
{
    /// <summary>The event types with at least one event.</summary>
    /// <param name="counts">Events per type.</param>
    /// <returns>The set of types.</returns>
    public static EventTypes TypesOf(PerEventType<long> counts) =>
        (counts.View > 0 ? EventTypes.View : EventTypes.None)
        | (counts.Click > 0 ? EventTypes.Click : EventTypes.None)
        | (counts.AddToCart > 0 ? EventTypes.AddToCart : EventTypes.None)
        | (counts.Purchase > 0 ? EventTypes.Purchase : EventTypes.None)
        | (counts.Refund > 0 ? EventTypes.Refund : EventTypes.None);

    /// <summary>The number of events of every type.</summary>
    /// <param name="counts">Events per type.</param>
    /// <returns>The total.</returns>
    public static long TotalOf(PerEventType<long> counts) => counts.View + counts.Click + counts.AddToCart + counts.Purchase + counts.Refund;
}

using Backfill.Core.Events;

namespace Backfill.Core.Features;

/// <summary>The feature versions this build knows.</summary>
public static class FeatureVersions
{
    private static readonly EventTypes Money = EventTypes.Purchase | EventTypes.Refund;

    /// <summary>Gets <c>features_v1</c>: counts and net amounts over 1 and 7 days.</summary>
    public static FeatureVersion V1 { get; } = new("features_v1",
    [
        new("events_1d", 1, new CountEvents(EventTypes.All)),
        new("purchases_1d", 1, new CountEvents(EventTypes.Purchase)),
        new("amount_1d", 1, new SumAmount(Money)),
        new("events_7d", 7, new CountEvents(EventTypes.All)),
        new("purchases_7d", 7, new CountEvents(EventTypes.Purchase)),
        new("amount_7d", 7, new SumAmount(Money)),
        new("distinct_event_types_7d", 7, new DistinctEventTypes()),
        new("days_active_7d", 7, new DaysActive()),
    ]);

    /// <summary>
    /// Gets <c>features_v2</c>: v1 with the deliberate logic change that <c>amount_7d</c> excludes refunds, plus
    /// <c>avg_order_value_7d</c> and <c>purchases_28d</c> (so it reads 28 staging days).
    /// </summary>
    public static FeatureVersion V2 { get; } = new("features_v2",
    [
        .. V1.Features.Select(feature => feature.Name == "amount_7d"
            ? feature with { Expression = new SumAmount(EventTypes.Purchase) }
            : feature),
        new("avg_order_value_7d", 7, new Ratio(new SumAmount(EventTypes.Purchase), new CountEvents(EventTypes.Purchase))),
        new("purchases_28d", 28, new CountEvents(EventTypes.Purchase)),
    ]);

    /// <summary>Gets every known feature version.</summary>
    public static IReadOnlyList<FeatureVersion> All { get; } = [V1, V2];

    /// <summary>Returns the feature version whose dataset is <paramref name="dataset"/>.</summary>
    /// <param name="dataset">The dataset name, e.g. <c>features_v2</c>.</param>
    /// <returns>The feature version.</returns>
    /// <exception cref="ArgumentException">No feature version has that name.</exception>
    public static FeatureVersion Get(string dataset) =>
        All.FirstOrDefault(set => set.Name == dataset)
        ?? throw new ArgumentException(
            $"'{dataset}' is not a feature version; known: {string.Join(", ", All.Select(set => set.Name))}.",
            nameof(dataset));
}

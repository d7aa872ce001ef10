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

    /// <summary>Returns the feature version before <paramref name="features"/> in <see cref="All"/>: the one a switch to it replaces.</summary>
    /// <param name="features">A known feature version.</param>
    /// <returns>The previous version; null for the first.</returns>
    public static FeatureVersion? Previous(FeatureVersion features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var index = All.ToList().FindIndex(version => version.Name == features.Name);
        return index > 0 ? All[index - 1] : null;
    }

    /// <summary>
    /// Returns the features of <paramref name="next"/> whose definition intentionally changed from
    /// <paramref name="previous"/>: same name, different canonical text (e.g. <c>amount_7d</c> in v2). Their drift
    /// is expected, so by default it is reported, never failed. New features have no counterpart and are not listed.
    /// </summary>
    /// <param name="previous">The version being replaced.</param>
    /// <param name="next">The new version.</param>
    /// <returns>The changed feature names, in <paramref name="next"/>'s order.</returns>
    public static IReadOnlyList<string> ChangedFeatures(FeatureVersion previous, FeatureVersion next)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        var before = previous.Features.ToDictionary(feature => feature.Name, feature => feature.CanonicalText, StringComparer.Ordinal);
        return [.. next.Features
            .Where(feature => before.TryGetValue(feature.Name, out var text) && text != feature.CanonicalText)
            .Select(feature => feature.Name)];
    }
}

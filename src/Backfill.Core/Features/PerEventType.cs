using Backfill.Core.Events;

namespace Backfill.Core.Features;

/// <summary>One value per event type, with value equality.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="View">The value for <see cref="EventType.View"/>.</param>
/// <param name="Click">The value for <see cref="EventType.Click"/>.</param>
/// <param name="AddToCart">The value for <see cref="EventType.AddToCart"/>.</param>
/// <param name="Purchase">The value for <see cref="EventType.Purchase"/>.</param>
/// <param name="Refund">The value for <see cref="EventType.Refund"/>.</param>
public readonly record struct PerEventType<T>(T View, T Click, T AddToCart, T Purchase, T Refund)
{
    /// <summary>Gets the value for <paramref name="type"/>.</summary>
    /// <param name="type">The event type.</param>
    public T this[EventType type] => type switch
    {
        EventType.View => View,
        EventType.Click => Click,
        EventType.AddToCart => AddToCart,
        EventType.Purchase => Purchase,
        EventType.Refund => Refund,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, $"Unknown event type {type}."),
    };

    /// <summary>Returns a copy with the value for <paramref name="type"/> replaced.</summary>
    /// <param name="type">The event type.</param>
    /// <param name="value">The new value.</param>
    /// <returns>The updated copy.</returns>
    public PerEventType<T> With(EventType type, T value) => type switch
    {
        EventType.View => this with { View = value },
        EventType.Click => this with { Click = value },
        EventType.AddToCart => this with { AddToCart = value },
        EventType.Purchase => this with { Purchase = value },
        EventType.Refund => this with { Refund = value },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, $"Unknown event type {type}."),
    };
}

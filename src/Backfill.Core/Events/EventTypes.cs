namespace Backfill.Core.Events;

/// <summary>A set of <see cref="EventType"/> values as a bitmask: bit <c>1 &lt;&lt; (int)type</c>.</summary>
[Flags]
public enum EventTypes : byte
{
    /// <summary>No event type.</summary>
    None = 0,

    /// <summary><see cref="EventType.View"/>.</summary>
    View = 1 << EventType.View,

    /// <summary><see cref="EventType.Click"/>.</summary>
    Click = 1 << EventType.Click,

    /// <summary><see cref="EventType.AddToCart"/>.</summary>
    AddToCart = 1 << EventType.AddToCart,

    /// <summary><see cref="EventType.Purchase"/>.</summary>
    Purchase = 1 << EventType.Purchase,

    /// <summary><see cref="EventType.Refund"/>.</summary>
    Refund = 1 << EventType.Refund,

    /// <summary>Every event type.</summary>
    All = View | Click | AddToCart | Purchase | Refund,
}

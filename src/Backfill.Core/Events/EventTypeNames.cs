using System.Diagnostics.CodeAnalysis;

namespace Backfill.Core.Events;

/// <summary>The wire names of event types (<c>view</c>, <c>click</c>, <c>add_to_cart</c>, <c>purchase</c>, <c>refund</c>).</summary>
public static class EventTypeNames
{
    private static readonly string[] Names = ["view", "click", "add_to_cart", "purchase", "refund"];

    /// <summary>Gets every event type in code order.</summary>
    public static IReadOnlyList<EventType> All { get; } = Enum.GetValues<EventType>();

    /// <summary>Returns the wire name of <paramref name="type"/>.</summary>
    /// <param name="type">The event type.</param>
    /// <returns>The lowercase wire name, e.g. <c>add_to_cart</c>.</returns>
    public static string ToName(EventType type) => (uint)type < (uint)Names.Length
        ? Names[(int)type]
        : throw new ArgumentOutOfRangeException(nameof(type), type, $"Unknown event type {type}.");

    /// <summary>Parses a wire name; names are case-sensitive, as producers send them.</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="type">The event type when the name is known.</param>
    /// <returns><see langword="true"/> when <paramref name="name"/> is a known wire name.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out EventType type)
    {
        var index = Array.IndexOf(Names, name);
        type = (EventType)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>Returns the bit of <paramref name="type"/> in an <see cref="EventTypes"/> set.</summary>
    /// <param name="type">The event type.</param>
    /// <returns>The single-member set.</returns>
    public static EventTypes ToSet(this EventType type) => (EventTypes)(1 << (int)type);

    /// <summary>Renders a set as its wire names in code order, e.g. <c>{purchase,refund}</c>.</summary>
    /// <param name="types">The set.</param>
    /// <returns>The canonical text of the set.</returns>
    public static string ToCanonicalText(this EventTypes types) =>
        "{" + string.Join(',', All.Where(type => types.HasFlag(type.ToSet())).Select(ToName)) + "}";
}

namespace Backfill.Core.Events;

/// <summary>An event with the time it landed: a row of the <c>raw</c> and <c>staging</c> datasets.</summary>
/// <param name="Event">The event.</param>
/// <param name="ArrivalTime">The start of the landing hour the event arrived in, UTC.</param>
public sealed record ArrivedEvent(Event Event, DateTime ArrivalTime)
{
    /// <summary>Gets the fields that order the copies of an event (<see cref="CopyKey"/>).</summary>
    public CopyKey Key => new(Event.EventId, Event.EntityId, Event.EventTime, ArrivalTime);

    /// <summary>Gets the order rows are stored in (<see cref="CopyKey.StorageOrder"/>).</summary>
    public static IComparer<ArrivedEvent> StorageOrder { get; } = Comparer<ArrivedEvent>.Create(static (a, b) => CopyKey.CompareInStorageOrder(a.Key, b.Key));

    /// <summary>Gets which copy of an event id staging keeps (<see cref="CopyKey.ArrivalOrder"/>).</summary>
    public static IComparer<ArrivedEvent> ArrivalOrder { get; } = Comparer<ArrivedEvent>.Create(static (a, b) => CopyKey.CompareInArrivalOrder(a.Key, b.Key));
}

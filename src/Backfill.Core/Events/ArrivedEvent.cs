namespace Backfill.Core.Events;

/// <summary>An event with the time it landed: a row of the <c>raw</c> and <c>staging</c> datasets.</summary>
/// <param name="Event">The event.</param>
/// <param name="ArrivalTime">The start of the landing hour the event arrived in, UTC.</param>
public sealed record ArrivedEvent(Event Event, DateTime ArrivalTime)
{
    /// <summary>
    /// Gets the order rows are stored in: entity, event time, event id, arrival time. Total on distinct rows, so
    /// the same rows always give the same file.
    /// </summary>
    public static IComparer<ArrivedEvent> StorageOrder { get; } = Comparer<ArrivedEvent>.Create(static (a, b) =>
    {
        var order = string.CompareOrdinal(a.Event.EntityId, b.Event.EntityId);
        order = order != 0 ? order : a.Event.EventTime.CompareTo(b.Event.EventTime);
        order = order != 0 ? order : string.CompareOrdinal(a.Event.EventId, b.Event.EventId);
        return order != 0 ? order : a.ArrivalTime.CompareTo(b.ArrivalTime);
    });

    /// <summary>
    /// Gets which copy of an event id staging keeps: the earliest arrival first, equal arrivals in
    /// <see cref="StorageOrder"/>, so the kept copy never depends on the order rows are read in.
    /// </summary>
    public static IComparer<ArrivedEvent> ArrivalOrder { get; } = Comparer<ArrivedEvent>.Create(static (a, b) =>
    {
        var order = a.ArrivalTime.CompareTo(b.ArrivalTime);
        return order != 0 ? order : StorageOrder.Compare(a, b);
    });
}

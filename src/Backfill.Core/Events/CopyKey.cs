namespace Backfill.Core.Events;

/// <summary>
/// The fields that order an event's copies, without the rest of the event: what the rules of
/// <see cref="ArrivedEvent.StorageOrder"/> and <see cref="ArrivedEvent.ArrivalOrder"/> read, and all the staging event
/// id exchange sends between buckets.
/// </summary>
/// <param name="EventId">The event id.</param>
/// <param name="EntityId">The entity the copy names.</param>
/// <param name="EventTime">When the action happened, UTC.</param>
/// <param name="ArrivalTime">The start of the landing hour the copy arrived in, UTC.</param>
public readonly record struct CopyKey(string EventId, string EntityId, DateTime EventTime, DateTime ArrivalTime)
{
    /// <summary>
    /// Gets the order rows are stored in: entity, event time, event id, arrival time. Total on distinct rows, so
    /// the same rows always give the same file.
    /// </summary>
    public static IComparer<CopyKey> StorageOrder { get; } = Comparer<CopyKey>.Create(CompareInStorageOrder);

    /// <summary>
    /// Gets which copy of an event id staging keeps: the earliest arrival first, equal arrivals in
    /// <see cref="StorageOrder"/>, so the kept copy never depends on the order rows are read in.
    /// </summary>
    public static IComparer<CopyKey> ArrivalOrder { get; } = Comparer<CopyKey>.Create(CompareInArrivalOrder);

    /// <summary>Compares two copies in <see cref="StorageOrder"/>; a method, so the row sorts call it directly.</summary>
    /// <param name="a">One copy.</param>
    /// <param name="b">The other.</param>
    /// <returns>Below 0 when <paramref name="a"/> comes first, 0 when equal, above 0 otherwise.</returns>
    public static int CompareInStorageOrder(CopyKey a, CopyKey b)
    {
        var order = string.CompareOrdinal(a.EntityId, b.EntityId);
        order = order != 0 ? order : a.EventTime.CompareTo(b.EventTime);
        order = order != 0 ? order : string.CompareOrdinal(a.EventId, b.EventId);
        return order != 0 ? order : a.ArrivalTime.CompareTo(b.ArrivalTime);
    }

    /// <summary>Compares two copies in <see cref="ArrivalOrder"/>.</summary>
    /// <param name="a">One copy.</param>
    /// <param name="b">The other.</param>
    /// <returns>Below 0 when <paramref name="a"/> is kept before <paramref name="b"/>, 0 when equal, above 0 otherwise.</returns>
    public static int CompareInArrivalOrder(CopyKey a, CopyKey b)
    {
        var order = a.ArrivalTime.CompareTo(b.ArrivalTime);
        return order != 0 ? order : CompareInStorageOrder(a, b);
    }
}

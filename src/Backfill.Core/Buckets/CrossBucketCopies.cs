using Backfill.Core.Events;

namespace Backfill.Core.Buckets;

/// <summary>
/// The copies of an event id that a day split into buckets must drop so that staging keeps what a whole day keeps:
/// one copy per event id, the first arrival (<see cref="CopyKey.ArrivalOrder"/>). Within a bucket staging
/// de-duplicates alone; only an id whose copies name entities in two buckets needs the other buckets' copies, and
/// those are gathered by id range (<see cref="IdRangeOf"/>), so each range is judged alone.
/// </summary>
public static class CrossBucketCopies
{
    /// <summary>
    /// The id range an event id's copies are gathered in: the entity bucket hash over the event id, so every copy of
    /// an id meets in one range whichever entity it names.
    /// </summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="count">How many id ranges: the staging day's bucket count.</param>
    /// <returns>A range in [0, <paramref name="count"/>).</returns>
    public static int IdRangeOf(string eventId, BucketCount count) => EntityBucket.Of(eventId, count);

    /// <summary>
    /// Returns the copies whose event id first arrived in another bucket: every copy of such an id in a bucket that
    /// does not hold its first arrival. The bucket that holds it keeps it by de-duplicating within itself.
    /// </summary>
    /// <param name="copies">Every copy of the ids of one id range (or of any set of whole ids), in any order.</param>
    /// <param name="count">The staging day's bucket count.</param>
    /// <returns>The copies to drop, in storage order.</returns>
    public static IReadOnlyList<CopyKey> Losing(IEnumerable<CopyKey> copies, BucketCount count)
    {
        ArgumentNullException.ThrowIfNull(copies);
        var losing = new List<CopyKey>();
        foreach (var id in copies.GroupBy(copy => copy.EventId, StringComparer.Ordinal))
        {
            var first = id.Min(CopyKey.ArrivalOrder);
            var kept = EntityBucket.Of(first.EntityId, count);
            losing.AddRange(id.Where(copy => EntityBucket.Of(copy.EntityId, count) != kept));
        }

        losing.Sort(CopyKey.StorageOrder);
        return losing;
    }
}

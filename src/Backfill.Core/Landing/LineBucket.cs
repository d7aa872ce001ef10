using Backfill.Core.Buckets;
using Backfill.Core.Events;

namespace Backfill.Core.Landing;

/// <summary>
/// The bucket a landed line is mapped to: its event's entity's, so a bucket's raw build finds every event of its
/// entities in that bucket's rows. A malformed line has no entity; it goes to bucket 0, which quarantines the day's
/// malformed lines.
/// </summary>
public static class LineBucket
{
    /// <summary>Returns the bucket of a landed line's text among <paramref name="count"/> buckets.</summary>
    /// <param name="text">The line without its newline.</param>
    /// <param name="count">The raw dataset's bucket count.</param>
    /// <returns>A bucket in [0, <paramref name="count"/>).</returns>
    public static int Of(string text, BucketCount count) =>
        EventLine.Parse(text).Event is { } parsed ? EntityBucket.Of(parsed.EntityId, count) : 0;
}

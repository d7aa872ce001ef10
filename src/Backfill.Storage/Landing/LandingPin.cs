namespace Backfill.Storage.Landing;

/// <summary>
/// One landing file a bucketed raw day reads, pinned with the day so its map and bucket steps read the same files
/// whatever lands later, on any worker.
/// </summary>
/// <param name="Name">The landing blob.</param>
/// <param name="ETag">Its content version when pinned: its map is kept per version.</param>
/// <param name="Bytes">Its size, which bounds the map groups.</param>
/// <param name="Group">The map group (step) that maps it into buckets.</param>
public sealed record LandingPin(string Name, string ETag, long Bytes, int Group);

namespace Backfill.Storage.Landing;

/// <summary>
/// One landing file a bucketed raw day reads, pinned with the day so its map and bucket steps read the same files
/// whatever lands later, on any worker.
/// </summary>
/// <param name="Name">The landing blob.</param>
/// <param name="ETag">Its content version when pinned: its map is kept per version.</param>
/// <param name="Bytes">Its size, which bounds the map groups.</param>
/// <param name="Group">The map group (step) that maps it into buckets, or its first piece when it has several.</param>
/// <param name="Pieces">
/// How many byte pieces it is cut into, each mapped by its own group from <paramref name="Group"/> on: 1 unless the file
/// is larger than <c>Layout:MapGroupBytes</c> (<see cref="Core.Landing.MapGroups"/>).
/// </param>
public sealed record LandingPin(string Name, string ETag, long Bytes, int Group, int Pieces = 1)
{
    /// <summary>How many map groups a day's pinned files need: groups run from 0 without gaps.</summary>
    /// <param name="files">The day's pinned files.</param>
    /// <returns>The number of map steps; 0 for no files.</returns>
    public static int GroupCount(IReadOnlyList<LandingPin> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return files.Count == 0 ? 0 : files.Max(file => file.Group + file.Pieces);
    }
}

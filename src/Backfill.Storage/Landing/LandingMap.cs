using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Backfill.Core.Buckets;
using Backfill.Core.Landing;
using Backfill.Storage.Commits;
using Backfill.Storage.Layout;
using Backfill.Storage.Parquet;

namespace Backfill.Storage.Landing;

/// <summary>
/// The raw map step's output: each map group of a day's pinned landing files split into one Parquet file per bucket
/// (its lines whose entity lies in the bucket; malformed lines in bucket 0), under <c>landing-map/</c>. A map step
/// holds one group, never a day, and each bucket step reads one file per group: its bucket's share. A map is a cache:
/// it is rebuilt when missing or old, and nothing reads it outside a bucketed raw day.
/// </summary>
public sealed class LandingMap
{
    private const string MappedName = "_mapped.json";

    private readonly LakeStorage _lake;

    /// <summary>Creates the map.</summary>
    /// <param name="lake">The shared storage handle.</param>
    public LandingMap(LakeStorage lake)
    {
        ArgumentNullException.ThrowIfNull(lake);
        _lake = lake;
    }

    /// <summary>
    /// Maps one map group's landing files, or piece of a file, into buckets. A group already mapped in these file
    /// versions and this count, recently enough that the sweep leaves it, is not read again (a redelivered or rerun step).
    /// </summary>
    /// <param name="files">The files, as the day pinned them.</param>
    /// <param name="group">The map group to map (<see cref="LandingPin.Group"/>).</param>
    /// <param name="buckets">The raw dataset's bucket count.</param>
    /// <param name="cancellationToken">Cancels the map; a group half mapped is mapped again by the next attempt.</param>
    /// <returns>The lines this call mapped (0 for a group found mapped).</returns>
    /// <exception cref="DayMovedException">A file changed or went away since the day pinned it.</exception>
    public async Task<long> MapAsync(IReadOnlyList<LandingPin> files, int group, BucketCount buckets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var members = Members(files, group);
        var folder = LakePaths.LandingMap(GroupKey(members), buckets.Value);
        var marker = _lake.Container.GetBlobClient(folder + MappedName);
        if (await LakeCache.IsFreshAsync(_lake, marker, cancellationToken).ConfigureAwait(false))
        {
            return 0;
        }

        var landed = new IEnumerable<LandedLine>[members.Count];
        await LakeTransfers.ConcurrentlyAsync(
            Enumerable.Range(0, members.Count),
            async (index, token) => landed[index] = await ReadPinnedAsync(members[index], token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        var shards = Enumerable.Range(0, buckets.Value).Select(_ => new List<LandedLine>()).ToArray();
        foreach (var line in landed.SelectMany(lines => lines))
        {
            shards[LineBucket.Of(line.Text, buckets)].Add(line);
        }

        // Every bucket's file, even an empty one, then the marker: a marker means all of them are there. The same
        // group always maps to the same bytes, so a concurrent map of it by another delivery writes equal content.
        await LakeTransfers.ConcurrentlyAsync(
            Enumerable.Range(0, buckets.Value),
            async (bucket, token) => await _lake.Container.GetBlobClient(folder + ShardName(bucket))
                .UploadAsync(BinaryData.FromBytes(await LandedLineParquet.WriteAsync(shards[bucket], token).ConfigureAwait(false)), overwrite: true, token)
                .ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        await marker.UploadAsync(LakeJson.Serialize(new MappedGroup(members.Count, [.. shards.Select(shard => shard.Count)])), overwrite: true, cancellationToken)
            .ConfigureAwait(false);
        return shards.Sum(shard => (long)shard.Count);
    }

    /// <summary>Reads one bucket's lines of the pinned landing files, in file, then line order, as a whole read would give them.</summary>
    /// <param name="files">The files, as the day pinned them, in name order.</param>
    /// <param name="scope">The bucket.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The bucket's lines.</returns>
    /// <exception cref="DayMovedException">A group's map is gone (swept): the day starts again and maps it anew.</exception>
    public async Task<IReadOnlyList<LandedLine>> ReadBucketAsync(IReadOnlyList<LandingPin> files, BucketScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(scope);
        // Groups are runs of consecutive files or pieces, so group order then each shard's order is file, then line order.
        var groups = Enumerable.Range(0, LandingPin.GroupCount(files)).Select(group => Members(files, group)).ToList();
        var parts = new List<LandedLine>[groups.Count];
        await LakeTransfers.ConcurrentlyAsync(
            Enumerable.Range(0, groups.Count),
            async (index, token) => parts[index] = await ReadShardAsync(groups[index], scope, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        var numbered = await NumberPiecesAsync(files, groups, parts, scope.Count, cancellationToken).ConfigureAwait(false);
        return [.. numbered.SelectMany(lines => lines)];
    }

    /// <summary>
    /// Deletes the map files older than <see cref="LakeSettings.GarbageRetention"/>: a map is remade at half that age
    /// before a day reads it, so no day in flight reads one this deletes, and landing itself is kept.
    /// </summary>
    /// <param name="cancellationToken">Cancels the sweep; what is left is deleted next time.</param>
    /// <returns>How many map files were deleted.</returns>
    public Task<int> SweepAsync(CancellationToken cancellationToken) => LakeCache.SweepAsync(_lake, LakePaths.LandingMapRoot, cancellationToken);

    private async Task<IEnumerable<LandedLine>> ReadPinnedAsync(MapUnit unit, CancellationToken cancellationToken)
    {
        var (start, end) = MapGroups.PieceRange(unit.File.Bytes, unit.File.Pieces, unit.Piece);
        try
        {
            await using var stream = await LandingPieceReader.OpenAsync(
                _lake.Container.GetBlobClient(unit.File.Name), unit.File.ETag, start, unit.File.Pieces == 1, cancellationToken).ConfigureAwait(false);
            return await LandingPieceReader.ReadAsync(stream, unit.File.Name, start, end, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            throw new DayMovedException($"landing file {unit.File.Name} changed or went away since the day was pinned; the day starts again", ex);
        }
    }

    // A piece numbers its lines from 1, not knowing how many lines the file has before it; the pieces' markers count
    // them, so the bucket gives every line its number in the whole file, as the quarantine and the copy order need.
    private async Task<IReadOnlyList<IReadOnlyList<LandedLine>>> NumberPiecesAsync(
        IReadOnlyList<LandingPin> files, IReadOnlyList<IReadOnlyList<MapUnit>> groups, IReadOnlyList<List<LandedLine>> parts, BucketCount buckets,
        CancellationToken cancellationToken)
    {
        var pieced = files.Where(file => file.Pieces > 1).ToList();
        if (pieced.Count == 0)
        {
            return parts;
        }

        var counts = new long[groups.Count];
        await LakeTransfers.ConcurrentlyAsync(
            pieced.SelectMany(file => Enumerable.Range(file.Group, file.Pieces - 1)),
            async (group, token) => counts[group] = await MappedLinesAsync(groups[group], buckets, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        return [.. parts.Select((lines, group) =>
        {
            var unit = groups[group][0];
            var before = counts.Skip(unit.File.Group).Take(unit.Piece).Sum();
            return before == 0 ? lines : (IReadOnlyList<LandedLine>)[.. lines.Select(line => line with { LineNumber = checked((int)(line.LineNumber + before)) })];
        })];
    }

    private async Task<long> MappedLinesAsync(IReadOnlyList<MapUnit> group, BucketCount buckets, CancellationToken cancellationToken)
    {
        var marker = _lake.Container.GetBlobClient(LakePaths.LandingMap(GroupKey(group), buckets.Value) + MappedName);
        try
        {
            var content = await marker.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return LakeJson.Deserialize<MappedGroup>(content.Value.Content).Lines.Sum();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new DayMovedException(
                $"map group {group[0].File.Group + group[0].Piece} (piece {group[0].Piece + 1} of {group[0].File.Name}) has no marker; the day starts again and maps it", ex);
        }
    }

    private async Task<List<LandedLine>> ReadShardAsync(IReadOnlyList<MapUnit> group, BucketScope scope, CancellationToken cancellationToken)
    {
        var folder = LakePaths.LandingMap(GroupKey(group), scope.Count.Value);
        try
        {
            var content = await _lake.Container.GetBlobClient(folder + ShardName(scope.Bucket)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            using var stream = content.Value.Content.ToStream();
            return await LandedLineParquet.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Swept between the map step and this one: without its marker the group is mapped again when the day
            // starts again from fresh pins.
            await _lake.Container.GetBlobClient(folder + MappedName).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            throw new DayMovedException(
                $"map group {group[0].File.Group + group[0].Piece} (landing files from {group[0].File.Name}) has no map of bucket {scope.Bucket}; the day starts again and maps it", ex);
        }
    }

    // The one selection both the map and the bucket reads name a group's folder by, so they always agree on it: the
    // whole files of the group, or the one piece of a larger file.
    private static IReadOnlyList<MapUnit> Members(IReadOnlyList<LandingPin> files, int group) =>
        [.. files.Where(file => file.Group <= group && group < file.Group + file.Pieces).Select(file => new MapUnit(file, group - file.Group))];

    // The group's files, versions and pieces, hashed: equal pins give one folder, and any changed file another.
    private static string GroupKey(IReadOnlyList<MapUnit> group) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(group.Select(unit => unit.File.Pieces == 1
            ? $"{unit.File.Name}\n{unit.File.ETag}\n"
            : string.Create(CultureInfo.InvariantCulture, $"{unit.File.Name}\n{unit.File.ETag}\n{unit.Piece}/{unit.File.Pieces}\n"))))))[..32];

    private static string ShardName(int bucket) => string.Create(CultureInfo.InvariantCulture, $"bucket={bucket:D3}.parquet");

    // What one map step reads: a pinned file, whole (piece 0 of 1) or one piece of it.
    private sealed record MapUnit(LandingPin File, int Piece);

    // The marker: every bucket's file is there, and how many lines each holds (a piece's total numbers the next piece).
    private sealed record MappedGroup(int Files, IReadOnlyList<long> Lines);
}

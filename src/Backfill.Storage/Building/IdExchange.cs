using System.Globalization;
using Azure.Storage.Blobs.Models;
using Backfill.Core.Buckets;
using Backfill.Core.Events;
using Backfill.Core.Lineage;
using Backfill.Storage.Commits;
using Backfill.Storage.Layout;
using Backfill.Storage.Parquet;
using Backfill.Storage.Reading;

namespace Backfill.Storage.Building;

/// <summary>
/// The event id exchange of a staging day split into buckets, so it keeps one copy per event id over the whole day,
/// as a whole day's build does, even when copies of an id name entities in two buckets:
/// <list type="number">
/// <item>each <c>ids=NNN</c> step (<see cref="ListAsync"/>) sends bucket NNN's raw copies to their id ranges;</item>
/// <item>each <c>resolve=NNN</c> step (<see cref="ResolveAsync"/>) reads one id range from every bucket and lists, per
/// bucket, the copies whose id first arrived in another bucket;</item>
/// <item>each bucket's stage drops those ids (<see cref="LosingIdsAsync"/>) and de-duplicates the rest within itself.</item>
/// </list>
/// No step holds more than one bucket or one id range. The files are a cache of the raw commit under
/// <c>id-exchange/</c>: remade when missing or old, and swept like the raw map step's (<see cref="LakeCache"/>).
/// </summary>
public sealed class IdExchange
{
    // Markers sort before the files they vouch for ('_' before lowercase), so the sweep takes them first.
    private const string ListedFolder = "_listed/";
    private const string ResolvedFolder = "_resolved/";
    private const string LosingFolder = "losing/";

    private readonly LakeStorage _lake;
    private readonly PartitionReader _partitions;

    /// <summary>Creates the exchange.</summary>
    /// <param name="lake">The shared storage handle.</param>
    public IdExchange(LakeStorage lake)
    {
        ArgumentNullException.ThrowIfNull(lake);
        _lake = lake;
        _partitions = new PartitionReader(lake);
    }

    /// <summary>How many id ranges a day of <paramref name="dataset"/> in <paramref name="buckets"/> buckets exchanges: as many as its buckets for a split staging day, else none.</summary>
    /// <param name="dataset">The dataset being built.</param>
    /// <param name="buckets">Its bucket count.</param>
    /// <returns>The number of <c>ids</c> steps, and of <c>resolve</c> steps, the day runs; 0 when it needs no exchange.</returns>
    public static int RangesOf(string dataset, int buckets) => dataset == Datasets.Staging && buckets > 1 ? buckets : 0;

    /// <summary>
    /// Sends the raw copies of one staging bucket to their id ranges: one file per range, then the bucket's marker. A
    /// bucket listed recently enough is not read again (a redelivered or rerun step).
    /// </summary>
    /// <param name="pins">The staging day's pins: its raw commit and bucket count.</param>
    /// <param name="bucket">The staging bucket.</param>
    /// <param name="cancellationToken">Cancels the step; a bucket half listed is listed again by the next attempt.</param>
    /// <returns>The copies this call sent (0 for a bucket found listed).</returns>
    public async Task<long> ListAsync(DayPins pins, int bucket, CancellationToken cancellationToken)
    {
        var input = PinnedRaw(pins);
        var scope = new BucketScope(bucket, BucketCount.Of(pins.Buckets));
        var folder = LakePaths.IdExchange(input.CommitId, scope.Count.Value);
        var marker = _lake.Container.GetBlobClient(folder + ListedFolder + BucketName(scope.Bucket) + ".json");
        if (await LakeCache.IsFreshAsync(_lake, marker, cancellationToken).ConfigureAwait(false))
        {
            return 0;
        }

        // Only the copies' keys travel: all a resolve step judges by, and a fraction of the rows' bytes.
        var raw = await _partitions.GetCommitAsync(input.Dataset, input.Partition, input.CommitId, cancellationToken).ConfigureAwait(false);
        var copies = await _partitions.ReadCopyKeysAsync(raw, scope, cancellationToken).ConfigureAwait(false);
        var ranges = Enumerable.Range(0, scope.Count.Value).Select(_ => new List<CopyKey>()).ToArray();
        foreach (var copy in copies)
        {
            ranges[CrossBucketCopies.IdRangeOf(copy.EventId, scope.Count)].Add(copy);
        }

        // Every range's file, even an empty one, then the marker: a resolve step counts the files of its range.
        await LakeTransfers.ConcurrentlyAsync(
            Enumerable.Range(0, scope.Count.Value),
            (range, token) => UploadAsync(folder + RangeFile(range, scope.Bucket), ranges[range], token),
            cancellationToken).ConfigureAwait(false);
        await marker.UploadAsync(LakeJson.Serialize(new { Copies = copies.Count }), overwrite: true, cancellationToken).ConfigureAwait(false);
        return copies.Count;
    }

    /// <summary>
    /// Judges one id range: reads its copies from every bucket and writes, per bucket, the copies whose id first
    /// arrived in another bucket (only for buckets that have some), then the range's marker.
    /// </summary>
    /// <param name="pins">The staging day's pins: its raw commit and bucket count, which is also the number of id ranges.</param>
    /// <param name="range">The id range.</param>
    /// <param name="cancellationToken">Cancels the step.</param>
    /// <returns>The losing copies this call found (0 for a range found resolved).</returns>
    /// <exception cref="DayMovedException">A bucket's copies of the range are gone (swept): the day starts again and lists them anew.</exception>
    public async Task<long> ResolveAsync(DayPins pins, int range, CancellationToken cancellationToken)
    {
        var rawCommitId = PinnedRaw(pins).CommitId;
        var buckets = BucketCount.Of(pins.Buckets);
        ArgumentOutOfRangeException.ThrowIfNegative(range);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(range, buckets.Value);
        var folder = LakePaths.IdExchange(rawCommitId, buckets.Value);
        var marker = _lake.Container.GetBlobClient(folder + ResolvedFolder + RangeName(range) + ".json");
        if (await LakeCache.IsFreshAsync(_lake, marker, cancellationToken).ConfigureAwait(false))
        {
            return 0;
        }

        var parts = new List<CopyKey>[buckets.Value];
        await LakeTransfers.ConcurrentlyAsync(
            Enumerable.Range(0, buckets.Value),
            async (bucket, token) => parts[bucket] = await ReadRangeAsync(folder, range, bucket, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        var losing = CrossBucketCopies.Losing(parts.SelectMany(part => part), buckets);
        var perBucket = BucketSplit.Split(losing, copy => copy.EntityId, buckets);
        await LakeTransfers.ConcurrentlyAsync(
            Enumerable.Range(0, buckets.Value).Where(bucket => perBucket[bucket].Count > 0),
            (bucket, token) => UploadAsync(folder + LosingFile(range, bucket), perBucket[bucket], token),
            cancellationToken).ConfigureAwait(false);
        await marker.UploadAsync(LakeJson.Serialize(new { Losing = losing.Count }), overwrite: true, cancellationToken).ConfigureAwait(false);
        return losing.Count;
    }

    /// <summary>The event ids a staging bucket drops: those whose first arrival lies in another bucket.</summary>
    /// <param name="rawCommitId">The raw commit the staging day pinned.</param>
    /// <param name="scope">The staging bucket.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The ids; empty when no id of the bucket has copies elsewhere that arrived first.</returns>
    /// <exception cref="DayMovedException">An id range is not resolved (swept, or never ran): the day starts again.</exception>
    public async Task<IReadOnlySet<string>> LosingIdsAsync(string rawCommitId, BucketScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var folder = LakePaths.IdExchange(rawCommitId, scope.Count.Value);
        var resolved = await NamesAsync(folder + ResolvedFolder, cancellationToken).ConfigureAwait(false);
        if (resolved.Count < scope.Count.Value)
        {
            throw new DayMovedException(
                $"{scope.Count.Value - resolved.Count} of {scope.Count.Value} id ranges of raw commit {rawCommitId} are not resolved; the day starts again and resolves them");
        }

        var mine = (await NamesAsync(folder + LosingFolder, cancellationToken).ConfigureAwait(false))
            .Where(name => name.EndsWith("/" + BucketName(scope.Bucket) + ".parquet", StringComparison.Ordinal)).ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in mine)
        {
            var content = await _lake.Container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            using var stream = content.Value.Content.ToStream();
            ids.UnionWith((await CopyKeyParquet.ReadAsync(stream, cancellationToken).ConfigureAwait(false)).Select(copy => copy.EventId));
        }

        return ids;
    }

    /// <summary>Deletes the exchange files older than <see cref="LakeSettings.GarbageRetention"/> (see <see cref="LakeCache"/>).</summary>
    /// <param name="cancellationToken">Cancels the sweep; what is left is deleted next time.</param>
    /// <returns>How many exchange files were deleted.</returns>
    public Task<int> SweepAsync(CancellationToken cancellationToken) => LakeCache.SweepAsync(_lake, LakePaths.IdExchangeRoot, cancellationToken);

    private static InputCommit PinnedRaw(DayPins pins)
    {
        ArgumentNullException.ThrowIfNull(pins);
        if (pins.IdRanges == 0)
        {
            throw new InvalidOperationException($"{pins.Dataset}/{pins.Partition} in {pins.Buckets} bucket(s) has no event id exchange.");
        }

        return pins.Inputs.Single(input => input.Dataset == Datasets.Raw);
    }

    private async Task<List<CopyKey>> ReadRangeAsync(string folder, int range, int bucket, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _lake.Container.GetBlobClient(folder + RangeFile(range, bucket)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            using var stream = content.Value.Content.ToStream();
            return await CopyKeyParquet.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // Swept after its bucket was listed: without the marker the bucket is listed again when the day starts again.
            await _lake.Container.GetBlobClient(folder + ListedFolder + BucketName(bucket) + ".json")
                .DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            throw new DayMovedException($"bucket {bucket} has no copies of id range {range} listed; the day starts again and lists them", ex);
        }
    }

    private async Task<List<string>> NamesAsync(string prefix, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var blob in _lake.Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    private async Task UploadAsync(string name, IReadOnlyList<CopyKey> copies, CancellationToken cancellationToken) =>
        await _lake.Container.GetBlobClient(name)
            .UploadAsync(BinaryData.FromBytes(await CopyKeyParquet.WriteAsync(copies, cancellationToken).ConfigureAwait(false)), overwrite: true, cancellationToken)
            .ConfigureAwait(false);

    private static string RangeFile(int range, int bucket) => $"{RangeName(range)}/{BucketName(bucket)}.parquet";

    private static string LosingFile(int range, int bucket) => $"{LosingFolder}{RangeName(range)}/{BucketName(bucket)}.parquet";

    private static string RangeName(int range) => string.Create(CultureInfo.InvariantCulture, $"range={range:D3}");

    private static string BucketName(int bucket) => string.Create(CultureInfo.InvariantCulture, $"bucket={bucket:D3}");
}

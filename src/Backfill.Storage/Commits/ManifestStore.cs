using Azure;
using Azure.Storage.Blobs.Models;
using Backfill.Core.Partitions;
using Backfill.Storage.Layout;

namespace Backfill.Storage.Commits;

/// <summary>
/// Reads and replaces partition manifests. A manifest is replaced only with If-Match on the ETag it was read with
/// (or If-None-Match:* when there was none): readers must never see a partition two writers both think they own.
/// </summary>
internal sealed class ManifestStore(LakeStorage lake)
{
    public async Task<ManifestState> GetAsync(string dataset, Day partition, CancellationToken cancellationToken)
    {
        var blob = lake.Container.GetBlobClient(LakePaths.Manifest(dataset, partition));
        try
        {
            var download = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return new ManifestState(LakeJson.Deserialize<PartitionManifest>(download.Value.Content), download.Value.Details.ETag, download.Value.Details.LastModified);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return new ManifestState(null, null);
        }
    }

    /// <summary>The days of <paramref name="dataset"/> that have a manifest, ascending.</summary>
    public async Task<IReadOnlyList<Day>> ListDaysAsync(string dataset, CancellationToken cancellationToken)
    {
        var days = new List<Day>();
        var prefix = dataset + "/date=";
        await foreach (var item in lake.Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            // dataset/date=YYYY-MM-DD/_manifest.json; commit folders hold the other blobs.
            var rest = item.Name.AsSpan(prefix.Length);
            if (rest.Length == 10 + 1 + LakePaths.ManifestName.Length && rest.EndsWith(LakePaths.ManifestName, StringComparison.Ordinal)
                && Day.TryParse(rest[..10].ToString(), out var day))
            {
                days.Add(day);
            }
        }

        return [.. days.Order()];
    }

    /// <summary>Replaces the manifest if it is still the version read; false when another writer got there first.</summary>
    public async Task<bool> TryReplaceAsync(PartitionManifest manifest, ETag? expected, CancellationToken cancellationToken)
    {
        var commit = manifest.Commit;
        var blob = lake.Container.GetBlobClient(LakePaths.Manifest(commit.Dataset, commit.Partition));
        var conditions = expected is { } etag
            ? new BlobRequestConditions { IfMatch = etag }
            : new BlobRequestConditions { IfNoneMatch = ETag.All };
        try
        {
            await blob.UploadAsync(
                LakeJson.Serialize(manifest),
                new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }
}

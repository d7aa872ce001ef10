using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Backfill.Storage.Layout;

/// <summary>
/// The rules the lake's caches share (the raw map step's files, the staging event id exchange): a cache file is
/// remade once it is older than half of <see cref="LakeSettings.GarbageRetention"/>, and swept once older than the
/// retention. So a step that found its cache fresh leaves the next steps at least half the retention before the sweep
/// can take it, and pins older than that are not published anyway.
/// </summary>
internal static class LakeCache
{
    /// <summary>Whether <paramref name="marker"/> exists and is young enough that the sweep leaves what it vouches for.</summary>
    public static async Task<bool> IsFreshAsync(LakeStorage lake, BlobClient marker, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await marker.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return lake.Time.GetUtcNow() - properties.Value.LastModified < lake.Settings.GarbageRetention / 2;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Deletes the files under <paramref name="root"/> older than the retention, in name order: a cache's markers are
    /// named to sort before the files they vouch for, so a folder half swept has lost its markers first.
    /// </summary>
    /// <returns>How many files were deleted.</returns>
    public static async Task<int> SweepAsync(LakeStorage lake, string root, CancellationToken cancellationToken)
    {
        var cutoff = lake.Time.GetUtcNow() - lake.Settings.GarbageRetention;
        var deleted = 0;
        await foreach (var blob in lake.Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, root, cancellationToken).ConfigureAwait(false))
        {
            if (blob.Properties.LastModified < cutoff)
            {
                await lake.Container.GetBlobClient(blob.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                deleted++;
            }
        }

        return deleted;
    }
}

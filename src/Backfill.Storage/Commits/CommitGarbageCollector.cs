using Azure.Storage.Blobs.Models;
using Backfill.Core.Partitions;
using Backfill.Storage.Layout;
using Backfill.Storage.Quarantine;

namespace Backfill.Storage.Commits;

/// <summary>
/// Deletes commit folders (and their quarantine files) that no manifest names, once they are older than
/// <see cref="LakeSettings.GarbageRetention"/>: abandoned attempts, lost races, rejected and rolled-back commits.
/// </summary>
public sealed class CommitGarbageCollector
{
    private readonly LakeStorage _lake;
    private readonly ManifestStore _manifests;
    private readonly QuarantineStore _quarantine;

    /// <summary>Creates the collector.</summary>
    /// <param name="lake">The shared storage handle.</param>
    public CommitGarbageCollector(LakeStorage lake)
    {
        ArgumentNullException.ThrowIfNull(lake);
        _lake = lake;
        _manifests = new ManifestStore(lake);
        _quarantine = new QuarantineStore(lake);
    }

    /// <summary>Collects the garbage of every partition of a dataset that has any blob, manifest or not.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="cancellationToken">Cancels the collection between partitions or deletes; what is left is collected next time.</param>
    /// <returns>How many commit folders were deleted.</returns>
    public async Task<int> CollectDatasetAsync(string dataset, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var prefix = dataset + "/date=";
        await foreach (var folder in _lake.Container.GetBlobsByHierarchyAsync(
                           BlobTraits.None, BlobStates.None, "/", prefix, cancellationToken).ConfigureAwait(false))
        {
            // dataset/date=YYYY-MM-DD/: one prefix per partition.
            if (folder.IsPrefix && Day.TryParse(folder.Prefix.AsSpan(prefix.Length).TrimEnd('/').ToString(), out var day))
            {
                deleted += (await CollectAsync(dataset, day, cancellationToken).ConfigureAwait(false)).Count;
            }
        }

        return deleted;
    }

    /// <summary>Collects one partition's garbage.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="partition">The partition's day.</param>
    /// <param name="cancellationToken">Cancels the collection; a half-deleted folder is unreferenced, so it is harmless.</param>
    /// <returns>The deleted commit ids, in id (time) order.</returns>
    public async Task<IReadOnlyList<string>> CollectAsync(string dataset, Day partition, CancellationToken cancellationToken)
    {
        var state = await _manifests.GetAsync(dataset, partition, cancellationToken).ConfigureAwait(false);
        var referenced = state.Manifest is { } manifest
            ? new HashSet<string>([manifest.Commit.CommitId, .. manifest.History], StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        var folders = new SortedDictionary<string, List<BlobItem>>(StringComparer.Ordinal);
        await foreach (var blob in _lake.Container.GetBlobsAsync(
                           BlobTraits.None, BlobStates.None, LakePaths.Partition(dataset, partition), cancellationToken).ConfigureAwait(false))
        {
            if (LakePaths.CommitIdOf(dataset, partition, blob.Name) is { } commitId && !referenced.Contains(commitId))
            {
                (folders.TryGetValue(commitId, out var blobs) ? blobs : folders[commitId] = []).Add(blob);
            }
        }

        var cutoff = _lake.Time.GetUtcNow() - _lake.Settings.GarbageRetention;
        var deleted = new List<string>();
        foreach (var (commitId, blobs) in folders)
        {
            // The newest file decides: an attempt still uploading is younger than the retention.
            if (blobs.Max(blob => blob.Properties.LastModified) > cutoff)
            {
                continue;
            }

            foreach (var blob in blobs)
            {
                await _lake.Container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            await _quarantine.DeleteAsync(partition, commitId, cancellationToken).ConfigureAwait(false);
            deleted.Add(commitId);
        }

        return deleted;
    }
}

using Azure;
using Backfill.Core.Validation;
using Backfill.Storage.Commits;
using Backfill.Storage.Layout;

namespace Backfill.Storage.Validation;

/// <summary>
/// The <c>_profile.json</c> blob in a commit's folder: its row count, per-column nulls and numeric histograms and
/// sketches, written when it is validated, so later partitions read their baselines instead of the data files.
/// </summary>
public sealed class PartitionProfileStore
{
    /// <summary>The blob name inside a commit folder.</summary>
    public const string FileName = "_profile.json";

    private readonly LakeStorage _lake;

    /// <summary>Creates the store.</summary>
    /// <param name="lake">The shared storage handle.</param>
    public PartitionProfileStore(LakeStorage lake)
    {
        ArgumentNullException.ThrowIfNull(lake);
        _lake = lake;
    }

    /// <summary>Stores the profile of a commit; writing it again replaces it with the same content.</summary>
    /// <param name="commit">The commit profiled.</param>
    /// <param name="profile">Its profile.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    public async Task WriteAsync(CommitRecord commit, PartitionProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(profile);
        await Blob(commit).UploadAsync(LakeJson.Serialize(profile.WithoutValues()), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the profile of a commit.</summary>
    /// <param name="commit">The commit.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The profile; null for a commit validated before profiles were stored.</returns>
    public async Task<PartitionProfile?> ReadAsync(CommitRecord commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        try
        {
            var content = await Blob(commit).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return LakeJson.Deserialize<PartitionProfile>(content.Value.Content);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private Azure.Storage.Blobs.BlobClient Blob(CommitRecord commit) =>
        _lake.Container.GetBlobClient(LakePaths.CommitFile(commit.Dataset, commit.Partition, commit.CommitId, FileName));
}

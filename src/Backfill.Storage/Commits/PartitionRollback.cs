using Backfill.Core.Partitions;
using Backfill.Storage.Layout;

namespace Backfill.Storage.Commits;

/// <summary>Re-points a partition's manifest to its previous commit, with the same conditional replace as publish.</summary>
public sealed class PartitionRollback
{
    private readonly LakeStorage lake;
    private readonly ManifestStore manifests;

    /// <summary>Creates the rollback service.</summary>
    /// <param name="lake">The shared storage handle.</param>
    public PartitionRollback(LakeStorage lake)
    {
        ArgumentNullException.ThrowIfNull(lake);
        this.lake = lake;
        manifests = new ManifestStore(lake);
    }

    /// <summary>Makes the previous commit live again; the rolled-back commit becomes garbage.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="partition">The partition's day.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What happened and which commit is live.</returns>
    public async Task<RollbackResult> RollbackAsync(string dataset, PartitionKey partition, CancellationToken cancellationToken)
    {
        var state = await manifests.GetAsync(dataset, partition, cancellationToken).ConfigureAwait(false);
        if (state.Manifest is not { } manifest)
        {
            return new RollbackResult(RollbackStatus.NoPartition, null);
        }

        if (manifest.History.Count == 0)
        {
            return new RollbackResult(RollbackStatus.NoPreviousCommit, manifest.Commit.CommitId);
        }

        var previousId = manifest.History[0];
        var record = await lake.Container
            .GetBlobClient(LakePaths.CommitFile(dataset, partition, previousId, LakePaths.CommitRecordName))
            .DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        var previous = new PartitionManifest(
            LakeJson.Deserialize<CommitRecord>(record.Value.Content), [.. manifest.History.Skip(1)], lake.Time.GetUtcNow());
        return await manifests.TryReplaceAsync(previous, state.ETag, cancellationToken).ConfigureAwait(false)
            ? new RollbackResult(RollbackStatus.RolledBack, previousId)
            : new RollbackResult(RollbackStatus.Conflict, manifest.Commit.CommitId);
    }
}

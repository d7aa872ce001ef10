using Backfill.Core.Partitions;
using Backfill.Storage.Layout;
using Backfill.Storage.Lineage;

namespace Backfill.Storage.Commits;

/// <summary>Re-points a partition's manifest to its previous commit, with the same conditional replace as publish.</summary>
public sealed class PartitionRollback
{
    private readonly LakeStorage _lake;
    private readonly ManifestStore _manifests;
    private readonly LineageStore _lineage;

    /// <summary>Creates the rollback service.</summary>
    /// <param name="lake">The shared storage handle.</param>
    public PartitionRollback(LakeStorage lake)
    {
        ArgumentNullException.ThrowIfNull(lake);
        _lake = lake;
        _manifests = new ManifestStore(lake);
        _lineage = new LineageStore(lake);
    }

    /// <summary>Makes the previous commit live again; the rolled-back commit becomes garbage.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="partition">The partition's day.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What happened and which commit is live.</returns>
    public Task<RollbackResult> RollbackAsync(string dataset, Day partition, CancellationToken cancellationToken) =>
        RollbackToAsync(dataset, partition, null, cancellationToken);

    /// <summary>
    /// Makes an earlier commit the manifest remembers live again; it and the commits older than it stay in the
    /// history, the newer ones become garbage. Each rolled-back commit's lineage row says <c>rolled_back</c>, written
    /// after the manifest: a crash between leaves it saying published, which it was.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="partition">The partition's day.</param>
    /// <param name="toCommit">The commit to make live; null for the previous one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What happened and which commit is live.</returns>
    public async Task<RollbackResult> RollbackToAsync(string dataset, Day partition, string? toCommit, CancellationToken cancellationToken)
    {
        var state = await _manifests.GetAsync(dataset, partition, cancellationToken).ConfigureAwait(false);
        if (state.Manifest is not { } manifest)
        {
            return new RollbackResult(RollbackStatus.NoPartition, null);
        }

        var live = manifest.Commit.CommitId;
        if (toCommit == live)
        {
            return new RollbackResult(RollbackStatus.AlreadyLive, live);
        }

        if (manifest.History.Count == 0 && toCommit is null)
        {
            return new RollbackResult(RollbackStatus.NoPreviousCommit, live);
        }

        var index = toCommit is null ? 0 : manifest.History.ToList().IndexOf(toCommit);
        if (index < 0)
        {
            return new RollbackResult(RollbackStatus.UnknownCommit, live);
        }

        var targetId = manifest.History[index];
        var record = await _lake.Container
            .GetBlobClient(LakePaths.CommitFile(dataset, partition, targetId, LakePaths.CommitRecordName))
            .DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        var target = new PartitionManifest(
            LakeJson.Deserialize<CommitRecord>(record.Value.Content), [.. manifest.History.Skip(index + 1)], _lake.Time.GetUtcNow());
        if (!await _manifests.TryReplaceAsync(target, state.ETag, cancellationToken).ConfigureAwait(false))
        {
            return new RollbackResult(RollbackStatus.Conflict, live);
        }

        IReadOnlyList<string> rolledBack = [live, .. manifest.History.Take(index)];
        foreach (var commitId in rolledBack)
        {
            await _lineage.RecordRolledBackAsync(dataset, partition, commitId, cancellationToken).ConfigureAwait(false);
        }

        return new RollbackResult(RollbackStatus.RolledBack, targetId, rolledBack);
    }
}

using Backfill.Core.Partitions;
using Backfill.Core.Validation;
using Backfill.Storage.Commits;
using Backfill.Storage.Lineage;
using Backfill.Storage.Reading;

namespace Backfill.Storage.Validation;

/// <summary>
/// The partitions a staged commit is compared with, as they were at its run's <b>baseline time</b>: for each day,
/// the commit that was live then. What the run itself (or any other writer) published since is never seen, so the
/// verdict does not depend on which of the run's partitions happen to be done. A partition rewritten since is read
/// at its earlier commit: the manifest's newest publish is after the baseline time, so the newest commit of its
/// history (newest first) published at or before it was the live one.
/// </summary>
internal sealed class PinnedBaseline(PartitionReader reader, LineageStore lineage, PartitionProfileStore profiles)
{
    /// <summary>The commit of <paramref name="dataset"/>/<paramref name="day"/> live at <paramref name="asOf"/>.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="day">The day.</param>
    /// <param name="asOf">The baseline time; null takes the commit live now.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The commit; null when none was live then.</returns>
    public async Task<CommitRecord?> CommitAtAsync(string dataset, Day day, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var manifest = await reader.GetManifestAsync(dataset, day, cancellationToken).ConfigureAwait(false);
        if (manifest is null || asOf is not { } pinned || manifest.PublishedAt <= pinned)
        {
            return manifest?.Commit;
        }

        foreach (var earlier in manifest.History)
        {
            var entry = await lineage.GetAsync(dataset, day, earlier, cancellationToken).ConfigureAwait(false);
            if (entry?.PublishedAt is { } published && published <= pinned)
            {
                return await reader.GetCommitAsync(dataset, day, earlier, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    /// <summary>A commit as a baseline partition: its id and stored profile.</summary>
    /// <param name="commit">The commit; null gives null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The partition; null when there is no commit or it has no profile.</returns>
    public async Task<BaselinePartition?> PartitionOfAsync(CommitRecord? commit, CancellationToken cancellationToken) =>
        commit is not null && await profiles.ReadAsync(commit, cancellationToken).ConfigureAwait(false) is { } profile
            ? new BaselinePartition(commit.Dataset, commit.Partition, commit.CommitId, profile)
            : null;
}

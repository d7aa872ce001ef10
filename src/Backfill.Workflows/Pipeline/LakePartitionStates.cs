using Backfill.Core.Partitions;
using Backfill.Storage.Commits;
using Backfill.Storage.Lineage;
using Backfill.Storage.Reading;

namespace Backfill.Workflows.Pipeline;

/// <summary>
/// Classifies partitions from the lake alone: manifests, lineage and the upstream manifests their live commits read.
/// A work item that failed before staging a commit (e.g. its input was missing) left no commit attempt, so it does not
/// make its partition <c>failed</c> here; the grid also shows those from the backfills' item tables.
/// </summary>
public sealed class LakePartitionStates(LakeReady lakeReady) : IPartitionStates
{
    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<(string Dataset, Day Day), PartitionState>> GetAsync(
        IReadOnlyCollection<(string Dataset, Day Day)> partitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        var lake = await lakeReady.GetAsync().ConfigureAwait(false);
        var reader = new PartitionReader(lake);
        var manifests = await PartitionManifests.ReadAsync(reader, partitions, cancellationToken).ConfigureAwait(false);
        var upstream = await PartitionManifests.ReadAsync(
            reader,
            manifests.Values.OfType<PartitionManifest>().SelectMany(m => m.Commit.Lineage.Inputs).Select(i => (i.Dataset, i.Partition)),
            cancellationToken).ConfigureAwait(false);
        var lineage = new LineageStore(lake);
        var states = new Dictionary<(string Dataset, Day Day), PartitionState>(partitions.Count);
        foreach (var dataset in partitions.GroupBy(p => p.Dataset))
        {
            // One range query per dataset: a backfill names a partition set, whose span is bounded by the request's limit.
            var entries = (await lineage.ListRangeAsync(dataset.Key, dataset.Min(p => p.Day), dataset.Max(p => p.Day), cancellationToken).ConfigureAwait(false))
                .ToLookup(e => e.Partition);
            foreach (var partition in dataset)
            {
                var manifest = manifests.GetValueOrDefault(partition);
                var rejected = RejectedCommits.NewestAfter(entries[partition.Day], manifest?.Commit.CommitId);
                var changed = manifest is null
                    ? 0
                    : PartitionStates.ChangedInputs(manifest.Commit.Lineage.Inputs, (d, p) => upstream.GetValueOrDefault((d, p))?.Commit.CommitId).Count;
                states[partition] = PartitionStates.Classify(
                    new PartitionFacts(manifest?.PublishedAt, false, rejected is null ? null : RejectedCommits.CreatedAt(rejected.CommitId), changed));
            }
        }

        return states;
    }
}

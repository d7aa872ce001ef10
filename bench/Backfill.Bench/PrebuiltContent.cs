using Backfill.Storage.Commits;

namespace Backfill.Bench;

/// <summary>Commits files already built on disk, to set up staging partitions without re-deriving them.</summary>
internal sealed class PrebuiltContent(PartitionContent content) : IPartitionContentBuilder
{
    public Task<PartitionContent> BuildAsync(CommitRecord? live, WriteMode mode, CancellationToken cancellationToken) =>
        Task.FromResult(content);
}

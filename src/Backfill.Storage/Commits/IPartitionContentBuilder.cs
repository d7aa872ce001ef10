namespace Backfill.Storage.Commits;

/// <summary>Computes a partition's content; called again with a fresh base when a merge loses the publish race.</summary>
public interface IPartitionContentBuilder
{
    /// <summary>Builds the content of the commit.</summary>
    /// <param name="live">The live commit when the build starts; null for a new partition.</param>
    /// <param name="mode">Merge reads <paramref name="live"/> and upserts into it; overwrite ignores it.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>The content to stage.</returns>
    Task<PartitionContent> BuildAsync(CommitRecord? live, WriteMode mode, CancellationToken cancellationToken);
}

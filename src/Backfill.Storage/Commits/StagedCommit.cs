namespace Backfill.Storage.Commits;

/// <summary>
/// A commit whose files are uploaded, and the manifest version it was built against: publish succeeds only if
/// that version is still live.
/// </summary>
/// <param name="Commit">The staged commit.</param>
/// <param name="BaseETag">The ETag of the manifest it was built against; null when the partition had none.</param>
/// <param name="History">The manifest history once it is published: the base commit first.</param>
/// <param name="Base">The live commit it was built against; null when the partition had none.</param>
/// <param name="BasePublishedAt">When <paramref name="Base"/> was published (its manifest's time); null with no base.</param>
public sealed record StagedCommit(
    CommitRecord Commit, string? BaseETag, IReadOnlyList<string> History, CommitRecord? Base = null, DateTimeOffset? BasePublishedAt = null)
{
    /// <summary>True when the staged content equals the live commit's and the same code and config version produced both.</summary>
    public bool SameAsBase => Base is { } live
        && live.ContentHash == Commit.ContentHash
        && live.Lineage.CodeVersion == Commit.Lineage.CodeVersion
        && live.Lineage.ConfigHash == Commit.Lineage.ConfigHash;
}

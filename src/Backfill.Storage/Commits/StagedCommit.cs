namespace Backfill.Storage.Commits;

/// <summary>
/// A commit whose files are uploaded, and the manifest version it was built against: publish succeeds only if
/// that version is still live.
/// </summary>
/// <param name="Commit">The staged commit.</param>
/// <param name="BaseETag">The ETag of the manifest it was built against; null when the partition had none.</param>
/// <param name="History">The manifest history once it is published: the base commit first.</param>
public sealed record StagedCommit(CommitRecord Commit, string? BaseETag, IReadOnlyList<string> History);

using Azure;

namespace Backfill.Storage.Commits;

/// <summary>A manifest as read, with the ETag a conditional replace must match and the blob's Last-Modified.</summary>
internal sealed record ManifestState(PartitionManifest? Manifest, ETag? ETag, DateTimeOffset? LastModified = null)
{
    /// <summary>The history a commit replacing this manifest's live one carries: that commit first, then the kept ones.</summary>
    /// <param name="keep">How many previous commits a manifest remembers.</param>
    /// <returns>The history, newest first; empty for a new partition.</returns>
    public IReadOnlyList<string> HistoryAfter(int keep) => Manifest is { } manifest
        ? [.. new[] { manifest.Commit.CommitId }.Concat(manifest.History).Take(keep)]
        : [];
}

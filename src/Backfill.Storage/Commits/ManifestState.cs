using Azure;

namespace Backfill.Storage.Commits;

/// <summary>A manifest as read, with the ETag a conditional replace must match and the blob's Last-Modified.</summary>
internal sealed record ManifestState(PartitionManifest? Manifest, ETag? ETag, DateTimeOffset? LastModified = null);

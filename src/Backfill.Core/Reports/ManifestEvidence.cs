namespace Backfill.Core.Reports;

/// <summary>What storage says about a partition's manifest now: the facts a repair report's proof rests on.</summary>
/// <param name="CommitId">The live commit it names.</param>
/// <param name="ETag">The manifest blob's ETag: any later write changes it, so a reader can re-check it with If-Match.</param>
/// <param name="LastModified">The blob's Last-Modified, set by the storage service (1 s resolution).</param>
/// <param name="PublishedAt">The publish time written in the manifest by the run that wrote it.</param>
/// <param name="RunId">The run that built the live commit.</param>
public sealed record ManifestEvidence(string CommitId, string ETag, DateTimeOffset LastModified, DateTimeOffset PublishedAt, string RunId);

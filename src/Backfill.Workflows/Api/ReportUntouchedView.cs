using System.Text.Json.Serialization;

namespace Backfill.Workflows.Api;

/// <summary>A partition of the report's context range that the backfill did not publish, with the proof of its state.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Date">The partition's day.</param>
/// <param name="Verdict">
/// <c>unchanged</c> (its manifest has not been written since the backfill started), <c>changedSinceStart</c> (written since,
/// by the run <c>runId</c> names) or <c>missing</c> (no manifest).
/// </param>
/// <param name="CommitId">The live commit its manifest names.</param>
/// <param name="ETag">The manifest blob's ETag: re-check it with If-Match to see it is still unchanged.</param>
/// <param name="LastModified">The manifest blob's Last-Modified, set by the storage service.</param>
/// <param name="PublishedAt">The publish time the manifest records.</param>
/// <param name="RunId">The run that built the live commit.</param>
public sealed record ReportUntouchedView(
    string Dataset, string Date, string Verdict, string? CommitId, [property: JsonPropertyName("etag")] string? ETag, DateTimeOffset? LastModified, DateTimeOffset? PublishedAt, string? RunId);

using System.Globalization;
using Backfill.Storage.Commits;
using Backfill.Storage.Lineage;

namespace Backfill.Workflows.Pipeline;

/// <summary>Finds a partition's newest rejected commit, the commit attempt that makes it <c>failed</c> when newer than its live commit.</summary>
internal static class RejectedCommits
{
    /// <summary>The newest rejected commit of <paramref name="entries"/> (one partition's lineage) newer than the live commit, if any.</summary>
    public static LineageEntry? NewestAfter(IEnumerable<LineageEntry> entries, string? liveCommitId) =>
        // Commit ids are version 7 UUIDs, so a rejected commit newer than the live one sorts after it.
        entries
            .Where(e => e.Status == CommitStatus.Rejected && (liveCommitId is null || string.CompareOrdinal(e.CommitId, liveCommitId) > 0))
            .MaxBy(e => e.CommitId, StringComparer.Ordinal);

    /// <summary>The creation time a version 7 UUID commit id carries in its first 48 bits (Unix milliseconds).</summary>
    public static DateTimeOffset? CreatedAt(string commitId) =>
        commitId.Length >= 12 && long.TryParse(commitId.AsSpan(0, 12), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
}

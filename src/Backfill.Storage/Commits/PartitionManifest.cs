using Backfill.Core.Validation;

namespace Backfill.Storage.Commits;

/// <summary>
/// The <c>_manifest.json</c> blob of a partition: the live commit and the previous ones kept for rollback.
/// Readers resolve it once and read only the files it names, so they see a whole commit or none.
/// </summary>
/// <param name="Commit">The live commit.</param>
/// <param name="History">Previous live commit ids, newest first, at most <c>KeepPreviousCommits</c>.</param>
/// <param name="PublishedAt">When this manifest was written.</param>
/// <param name="Validation">The validation results the live commit passed with (warnings included); empty when none ran.</param>
public sealed record PartitionManifest(
    CommitRecord Commit, IReadOnlyList<string> History, DateTimeOffset PublishedAt, IReadOnlyList<ValidationResult>? Validation = null);

using Backfill.Core.Validation;
using Backfill.Storage.Lineage;

namespace Backfill.Storage.Commits;

/// <summary>How stage → validate → publish ended.</summary>
/// <param name="Status">Published, rejected by validation, or lost to another writer.</param>
/// <param name="Commit">The last commit staged.</param>
/// <param name="Validation">What validation said about it.</param>
/// <param name="Attempts">How many times it was built: more than 1 when a merge lost the race and retried.</param>
/// <param name="Repaired">
/// The live commit it was built against, when that commit's lineage row did not say published and was repaired.
/// </param>
public sealed record CommitResult(
    CommitStatus Status, CommitRecord Commit, PartitionValidationReport Validation, int Attempts, LineageRepair? Repaired = null);

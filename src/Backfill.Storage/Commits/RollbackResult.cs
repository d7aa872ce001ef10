namespace Backfill.Storage.Commits;

/// <summary>The outcome of a per-partition rollback.</summary>
/// <param name="Status">What happened.</param>
/// <param name="LiveCommitId">The live commit afterwards; null when the partition has none.</param>
public sealed record RollbackResult(RollbackStatus Status, string? LiveCommitId);

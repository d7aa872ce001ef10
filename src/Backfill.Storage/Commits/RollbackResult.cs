namespace Backfill.Storage.Commits;

/// <summary>The outcome of a per-partition rollback.</summary>
/// <param name="Status">What happened.</param>
/// <param name="LiveCommitId">The live commit afterwards; null when the partition has none.</param>
/// <param name="RolledBack">The commits that were live or newer than the one made live, newest first; empty unless rolled back.</param>
public sealed record RollbackResult(RollbackStatus Status, string? LiveCommitId, IReadOnlyList<string>? RolledBack = null);

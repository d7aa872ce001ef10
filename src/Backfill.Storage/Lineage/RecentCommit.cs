namespace Backfill.Storage.Lineage;

/// <summary>A published commit as an impact estimate sees it: how long its steps took and how big it is.</summary>
/// <param name="CommitId">The commit.</param>
/// <param name="Timings">Milliseconds per step.</param>
/// <param name="Bytes">The size of its files; null for rows written before sizes were recorded.</param>
public sealed record RecentCommit(string CommitId, CommitTimings Timings, long? Bytes);

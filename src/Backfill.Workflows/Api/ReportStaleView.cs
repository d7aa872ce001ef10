namespace Backfill.Workflows.Api;

/// <summary>A downstream partition the backfill's publishes made stale.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Date">The partition's day.</param>
/// <param name="CommitId">Its live commit.</param>
/// <param name="Reason">Which inputs it read that the backfill replaced: <c>staging/2025-01-10 read c1, live is c2</c>.</param>
public sealed record ReportStaleView(string Dataset, string Date, string CommitId, string Reason);

namespace Backfill.Workflows.Api;

/// <summary>The counts of a repair report.</summary>
/// <param name="Published">Partitions the backfill published.</param>
/// <param name="Unchanged">Partitions of the context proven unchanged since it started.</param>
/// <param name="ChangedSinceStart">Partitions of the context another run wrote since it started.</param>
/// <param name="Missing">Days of the context without a partition.</param>
/// <param name="Stale">Downstream partitions it made stale.</param>
public sealed record ReportSummaryView(int Published, int Unchanged, int ChangedSinceStart, int Missing, int Stale);

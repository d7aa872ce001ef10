using Backfill.Core.Reports;

namespace Backfill.Workflows.Api;

/// <summary>A partition a backfill published, in its repair report: rows before and after, and the deltas against the commit it superseded.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Date">The partition's day.</param>
/// <param name="CommitId">The commit the backfill published.</param>
/// <param name="PreviousCommitId">The commit it superseded; null when it was the partition's first.</param>
/// <param name="Before">
/// What the deltas compare with: <c>new</c> (first commit: no before), <c>previous</c> (the superseded commit, read),
/// <c>collected</c> (its files are gone; only its row count is known) or <c>omitted</c> (past the report's delta limit).
/// </param>
/// <param name="RowsBefore">Rows of the superseded commit; null for <c>new</c>.</param>
/// <param name="RowsAfter">Rows of the published commit.</param>
/// <param name="WriteMode"><c>overwrite</c> or <c>merge</c>.</param>
/// <param name="Changes">Keys (entity and date for features, event id for raw and staging) added, removed, modified, and their sum <c>changed</c>.</param>
/// <param name="MeanShifts">Features datasets: each feature's mean before, after and the shift.</param>
/// <param name="LiveCommitId">The commit live now (another, when a later publish or rollback replaced this one).</param>
public sealed record ReportPublishedView(
    string Dataset,
    string Date,
    string CommitId,
    string? PreviousCommitId,
    string Before,
    long? RowsBefore,
    long RowsAfter,
    string WriteMode,
    RowChanges? Changes,
    IReadOnlyList<FeatureMeanShift>? MeanShifts,
    string? LiveCommitId);

using Backfill.Workflows.Json;

namespace Backfill.Workflows.Api;

/// <summary>
/// One day of <c>GET /api/partitions/{dataset}</c>. For <c>failed</c> the commit fields describe the failed attempt
/// (the rejected commit, or only the run when the build failed before a commit); otherwise the live commit.
/// </summary>
/// <param name="Date">The partition's day.</param>
/// <param name="State">committed, failed, missing, running or stale.</param>
/// <param name="CommitId">The commit described; null when there is none.</param>
/// <param name="RunId">The run that built it (a backfill id for backfills).</param>
/// <param name="CodeVersion">The code version that built it.</param>
/// <param name="Rows">Its rows.</param>
/// <param name="CommittedAt">When the live commit was published; null when not live.</param>
/// <param name="Validation">Each validation check's result of the commit described.</param>
/// <param name="Reason">Why it is failed, running or stale; null otherwise.</param>
public sealed record PartitionDayView(
    string Date,
    string State,
    string? CommitId,
    string? RunId,
    string? CodeVersion,
    long? Rows,
    DateTimeOffset? CommittedAt,
    IReadOnlyList<ValidationResultView> Validation,
    string? Reason);

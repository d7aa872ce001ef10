using Backfill.Storage.Backfills;

namespace Backfill.Workflows.Api;

/// <summary>One step of a day split into entity buckets, in the day's expanded status.</summary>
/// <param name="Step">
/// <c>pin</c>, <c>map=NNN</c> (raw: one group of landing files split into buckets), <c>ids=NNN</c> and <c>resolve=NNN</c>
/// (staging: its event id exchange), <c>bucket=NNN</c> or <c>publish</c>.
/// </param>
/// <param name="Bucket">The bucket a <c>bucket=NNN</c> step stages; null for the others.</param>
/// <param name="Status">
/// How its latest attempt ended (succeeded, skipped, failed, transient, codeVersionMismatch, repin), or pending when no attempt
/// has ended yet (not started, or running now).
/// </param>
/// <param name="Attempts">Attempts so far in its latest round (a repin starts a new round of every step).</param>
/// <param name="Rows">
/// Rows the step wrote: a bucket's rows for a bucket, the day's for publish, the landing lines it split for a map step
/// (0 when another day had mapped those files already).
/// </param>
/// <param name="DurationMs">The latest attempt's run time.</param>
/// <param name="Error">Why the latest attempt failed; null on success.</param>
/// <param name="StartedAt">When the latest attempt started.</param>
/// <param name="FinishedAt">When the latest attempt ended.</param>
/// <param name="AttemptLog">Every attempt, oldest first (the newest 10; see <see cref="ItemAttempts"/>).</param>
public sealed record BucketStepView(
    string Step, int? Bucket, string Status, int Attempts, long Rows, long DurationMs, string? Error, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    IReadOnlyList<ItemAttempt>? AttemptLog)
{
    /// <summary>The status of a step no attempt of which has ended.</summary>
    public const string Pending = "pending";
}

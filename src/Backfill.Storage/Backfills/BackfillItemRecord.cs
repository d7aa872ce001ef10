using Backfill.Core.Validation;

namespace Backfill.Storage.Backfills;

/// <summary>The latest attempt at one work item of one backfill, with the log of its attempts, as the API shows it.</summary>
/// <param name="WorkItem">The work item id, e.g. <c>staging/2025-01-03</c>.</param>
/// <param name="Outcome">How the latest attempt ended (succeeded, skipped, failed, transient, codeVersionMismatch, repin).</param>
/// <param name="Attempts">Attempts so far.</param>
/// <param name="Rows">Rows in the published partition.</param>
/// <param name="DurationMilliseconds">The latest attempt's run time.</param>
/// <param name="Error">Why the latest attempt failed; null on success.</param>
/// <param name="StartedAt">When the latest attempt started.</param>
/// <param name="FinishedAt">When the latest attempt ended.</param>
/// <param name="Validation">The validation results when the latest attempt failed validation; otherwise null.</param>
/// <param name="Redelivered">True when it succeeded because an earlier delivery, whose host stopped before reporting, published it.</param>
/// <param name="AttemptLog">Every attempt, oldest first, bounded by <see cref="ItemAttempts.MaxKept"/>; filled by the store on read.</param>
public sealed record BackfillItemRecord(
    string WorkItem, string Outcome, int Attempts, long Rows, long DurationMilliseconds, string? Error, DateTimeOffset StartedAt, DateTimeOffset FinishedAt,
    IReadOnlyList<ValidationResult>? Validation = null, bool Redelivered = false, IReadOnlyList<ItemAttempt>? AttemptLog = null);

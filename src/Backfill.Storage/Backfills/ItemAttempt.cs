namespace Backfill.Storage.Backfills;

/// <summary>One attempt at one work item of a backfill: one run of the work item activity.</summary>
/// <param name="Attempt">Its number within the item's current run (1 for the first; retries count up).</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="Outcome">How it ended (succeeded, skipped, failed, transient, codeVersionMismatch, repin).</param>
/// <param name="Error">Why it failed, cut to <see cref="ItemAttempts.MaxErrorChars"/>; null on success.</param>
public sealed record ItemAttempt(int Attempt, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string Outcome, string? Error);

namespace Backfill.Workflows.Models;

/// <summary>A running run renewing the lease of its claim.</summary>
/// <param name="RunId">The run's instance id.</param>
/// <param name="At">Its orchestration time: the lease's new start.</param>
public sealed record ClaimRenewal(string RunId, DateTimeOffset At);

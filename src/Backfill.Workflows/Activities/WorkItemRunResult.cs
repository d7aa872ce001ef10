namespace Backfill.Workflows.Activities;

/// <summary>A work item that ran to the end.</summary>
/// <param name="Skipped">True when the live commit already came from this code and config version.</param>
/// <param name="Rows">Rows in the live partition.</param>
/// <param name="CommitId">The live commit.</param>
public sealed record WorkItemRunResult(bool Skipped, long Rows, string? CommitId);

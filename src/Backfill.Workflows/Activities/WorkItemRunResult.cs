namespace Backfill.Workflows.Activities;

/// <summary>A work item that ran to the end.</summary>
/// <param name="Skipped">True when the live commit already came from this code and config version, built by another run.</param>
/// <param name="Rows">Rows in the live partition.</param>
/// <param name="CommitId">The live commit.</param>
/// <param name="Redelivered">
/// True when the live commit is this run's own, published by an earlier delivery of the same item whose host stopped
/// before it reported: the item succeeded (once), it was not skipped.
/// </param>
/// <param name="MapGroups">For a raw day's pin step, how many map steps its landing files need; 0 otherwise.</param>
/// <param name="IdRanges">For a staging day's pin step, how many id ranges its event id exchange has (ids and resolve steps each); 0 otherwise.</param>
public sealed record WorkItemRunResult(bool Skipped, long Rows, string? CommitId, bool Redelivered = false, int MapGroups = 0, int IdRanges = 0);

namespace Backfill.Workflows.Models;

/// <summary>What one attempt at a work item reported.</summary>
/// <param name="Kind">How it ended.</param>
/// <param name="Rows">Rows in the published partition (0 when nothing was published).</param>
/// <param name="DurationMilliseconds">How long the attempt ran.</param>
/// <param name="Error">Why it failed, or the mismatched code version; null on success.</param>
/// <param name="Redelivered">
/// True when it succeeded because an earlier delivery of this item, whose host stopped before reporting, published it.
/// </param>
/// <param name="MapGroups">For a raw day's pin step, how many map steps its landing files need; 0 otherwise.</param>
/// <param name="IdRanges">For a staging day's pin step, how many id ranges its event id exchange has (ids and resolve steps each); 0 otherwise.</param>
public sealed record WorkItemOutcome(WorkItemOutcomeKind Kind, long Rows, long DurationMilliseconds, string? Error, bool Redelivered = false, int MapGroups = 0, int IdRanges = 0);

namespace Backfill.Core.Planning;

/// <summary>One work item of a dry run.</summary>
/// <param name="Item">The (layer, day).</param>
/// <param name="Action">Run, skip or blocked.</param>
/// <param name="Reason">Why skip or blocked; null for run.</param>
/// <param name="Wave">For run items: 1 + the longest chain of run items before it (items of one wave can run together); 0 otherwise.</param>
public sealed record PlannedItem(WorkItem Item, PlannedAction Action, string? Reason, int Wave);

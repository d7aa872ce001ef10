namespace Backfill.Workflows.Models;

/// <summary>
/// What a backfill orchestration carries from one generation to the next (ContinueAsNew keeps each
/// history bounded). Item states are one char per plan item so 10,000+ items stay a few KB; the plan
/// itself is recomputed from the spec, which is deterministic.
/// </summary>
/// <param name="Spec">The pinned request.</param>
/// <param name="Items">One <see cref="ItemState"/> char per plan item, in plan order; empty before the first generation.</param>
/// <param name="MaxParallel">The current max parallel (changed by the set-max-parallel event).</param>
/// <param name="Registered">Whether the backfill holds its claim on the target's days.</param>
/// <param name="StartedAt">When the first generation started.</param>
/// <param name="FinishedItems">Items finished so far (for the ETA).</param>
/// <param name="FinishedMilliseconds">Their summed run time (for the ETA).</param>
/// <param name="Generation">How many times the orchestration continued as new.</param>
/// <param name="PauseReason">Why the backfill is paused; null when not paused.</param>
/// <param name="GrantRefreshSeconds">How often, at most, a backfill granted fewer activity slots than its max parallel asks again; also how often one with waiting items claims again.</param>
/// <param name="Evict">Claim holders the start request found failed, terminated or missing: freed by the first claim.</param>
/// <param name="PauseReleaseMinutes">How long a paused backfill keeps its claims and activity slots before giving them back.</param>
public sealed record BackfillState(
    BackfillSpec Spec,
    string Items,
    int MaxParallel,
    bool Registered,
    DateTimeOffset StartedAt,
    long FinishedItems,
    long FinishedMilliseconds,
    int Generation,
    string? PauseReason,
    int GrantRefreshSeconds = 30,
    IReadOnlyList<string>? Evict = null,
    int PauseReleaseMinutes = 60);

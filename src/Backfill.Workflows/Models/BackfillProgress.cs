using Backfill.Core.Claims;

namespace Backfill.Workflows.Models;

/// <summary>
/// The orchestration's custom status, updated as items finish: counts, the items in flight (at most max parallel,
/// 64) and the ETA, so it stays within Azure's custom status limit (16 KB of UTF-16, 8,192 chars) at any size.
/// Per-item states live in the orchestration's input (at each generation's start), the item table (each attempt)
/// and, once it ends, its output (<paramref name="Items"/>).
/// </summary>
/// <param name="Status">The backfill's status.</param>
/// <param name="Counts">Work items by state.</param>
/// <param name="Running">Ids of the items in flight.</param>
/// <param name="MaxParallel">The current max parallel, as requested.</param>
/// <param name="StartedAt">When the backfill started.</param>
/// <param name="UpdatedAt">When this status was written.</param>
/// <param name="EtaSeconds">Estimated seconds to finish, from observed item durations and the current cap; null until one item finished.</param>
/// <param name="Generation">How many times the orchestration continued as new.</param>
/// <param name="Reason">Why it is paused, failed or rejected; null otherwise.</param>
/// <param name="ConflictWith">For a rejected backfill, the active backfill it overlaps.</param>
/// <param name="Flip">For a <c>flipOnSuccess</c> backfill that completed, how its flip ended; null otherwise.</param>
/// <param name="EffectiveMaxParallel">The work items it may have in flight now: max parallel, capped by its activity budget grant (0 while paused).</param>
/// <param name="MaxParallelReason">Why <paramref name="EffectiveMaxParallel"/> is below <paramref name="MaxParallel"/>; null when they are equal.</param>
/// <param name="Items">
/// One <see cref="ItemState"/> char per plan item, in plan order: only in the output of an ended backfill (about 11 KB
/// for 10,950 items); null in custom status.
/// </param>
/// <param name="Conflicts">For a rejected backfill, what other runs hold of its partitions; for a waiting one, what it waits for (at most a few entries).</param>
/// <param name="WaitingReason">Why items are <c>waiting</c>: which runs hold which partitions; null when none waits.</param>
public sealed record BackfillProgress(
    BackfillStatus Status,
    BackfillCounts Counts,
    IReadOnlyList<string> Running,
    int MaxParallel,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    long? EtaSeconds,
    int Generation,
    string? Reason,
    string? ConflictWith,
    string? Flip = null,
    int? EffectiveMaxParallel = null,
    string? MaxParallelReason = null,
    string? Items = null,
    IReadOnlyList<ClaimConflict>? Conflicts = null,
    string? WaitingReason = null);

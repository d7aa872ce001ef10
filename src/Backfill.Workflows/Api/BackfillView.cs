using Backfill.Core.Progress;
using Backfill.Workflows.Models;

namespace Backfill.Workflows.Api;

/// <summary>
/// Body of <c>GET /api/backfills/{id}</c> (items only there; the list leaves them out); <c>flip</c> says how a <c>flipOnSuccess</c> flip ended.
/// <c>maxParallel</c> is the requested max parallel; <c>effectiveMaxParallel</c> what the activity budget lets it run now, with
/// <c>maxParallelReason</c> saying why when the two differ. <c>waitingReason</c> says which runs hold the partitions of
/// <c>waiting</c> items; <c>cutOff</c> lists a terminated backfill's items that were in flight when it stopped.
/// <c>throughput</c> (with the items only) counts items finished per minute over the last hour, up to now while it runs and up
/// to its last finish once it ended, and the p50/p95 of their durations.
/// </summary>
public sealed record BackfillView(
    string Id,
    BackfillStatus Status,
    BackfillRequestView Request,
    string CodeVersion,
    string ConfigHash,
    BackfillCounts Counts,
    int MaxParallel,
    IReadOnlyList<string> Running,
    IReadOnlyList<BackfillItemView>? Items,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long? EtaSeconds,
    string? Reason,
    string? ConflictWith,
    string? Flip = null,
    int? EffectiveMaxParallel = null,
    string? MaxParallelReason = null,
    string? WaitingReason = null,
    IReadOnlyList<string>? CutOff = null,
    ItemThroughput? Throughput = null);

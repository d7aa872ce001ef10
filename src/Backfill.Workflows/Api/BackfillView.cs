using Backfill.Workflows.Models;

namespace Backfill.Workflows.Api;

/// <summary>
/// Body of <c>GET /api/backfills/{id}</c> (items only there; the list leaves them out); <c>flip</c> says how a <c>flipOnSuccess</c> flip ended.
/// <c>maxParallel</c> is the requested max parallel; <c>effectiveMaxParallel</c> what the activity budget lets it run now, with
/// <c>maxParallelReason</c> saying why when the two differ.
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
    string? MaxParallelReason = null);

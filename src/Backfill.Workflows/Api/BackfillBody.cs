namespace Backfill.Workflows.Api;

/// <summary>Body of <c>POST /api/backfills</c>. Absent fields take their defaults; unknown fields are refused.</summary>
/// <param name="Partitions">A partition set expression, e.g. <c>2024-12-01..2025-02-28,!2025-01-15</c> (or use start and end).</param>
/// <param name="Start">First day, with <paramref name="End"/>, instead of <paramref name="Partitions"/>.</param>
/// <param name="End">Last day (inclusive).</param>
/// <param name="Target">The feature version to fill, e.g. <c>features_v2</c>.</param>
/// <param name="Layers">Layers to run; default all three.</param>
/// <param name="MaxParallel">Most work items in flight (<see cref="Backfill.Core.Scheduling.MaxParallelBounds"/>); default <c>Backfill:MaxParallel</c>.</param>
/// <param name="WriteMode"><c>overwrite</c> (default) or <c>merge</c>.</param>
/// <param name="Order"><c>ascending</c> (default) or <c>descending</c>.</param>
/// <param name="Retries">Extra attempts for transient failures (0..10); default 2.</param>
/// <param name="FailFast">Stop starting items after the first failure; default false.</param>
/// <param name="DryRun">Return the plan instead of starting; default false.</param>
/// <param name="IdempotencyKey">Makes a retried POST return the same backfill instead of starting another.</param>
/// <param name="FlipOnSuccess">Flip the <c>features</c> pointer to the target when every item succeeds; default false. Needs the features layer.</param>
/// <param name="Reprocess">Which partitions to rebuild: <c>changed</c> (default), <c>failed</c>, <c>missing</c>, <c>stale</c> or <c>all</c>, with what reads them in the request.</param>
/// <param name="OnConflict"><c>reject</c> (default: a 409 when another run claims some of its partitions) or <c>wait</c> (those items wait until released).</param>
public sealed record BackfillBody(
    string? Partitions,
    string? Start,
    string? End,
    string? Target,
    IReadOnlyList<string>? Layers,
    int? MaxParallel,
    string? WriteMode,
    string? Order,
    int? Retries,
    bool? FailFast,
    bool? DryRun,
    string? IdempotencyKey,
    bool? FlipOnSuccess = null,
    string? OnConflict = null,
    string? Reprocess = null);

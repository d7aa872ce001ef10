namespace Backfill.Workflows.Models;

/// <summary>Output of an engine check.</summary>
/// <param name="Items">Every item's result, by index.</param>
/// <param name="MaxObservedParallel">The most items whose run intervals overlapped (from activity timestamps).</param>
/// <param name="TallyCompleted">The tally entity's count after all items, read back through the entity.</param>
public sealed record EngineCheckResult(IReadOnlyList<EngineCheckItemResult> Items, int MaxObservedParallel, int TallyCompleted);

using Backfill.Core.Pointers;

namespace Backfill.Workflows.Models;

/// <summary>How a flip or rollback ended, with everything checked on the way.</summary>
/// <param name="Kind">How it ended.</param>
/// <param name="State">The pointer's state at the end.</param>
/// <param name="Reason">Why it did not change the pointer; null when it did.</param>
/// <param name="Completeness">The completeness check, for a flip that got that far.</param>
/// <param name="Canary">The canary, for a flip that got that far.</param>
public sealed record FlipOutcome(FlipOutcomeKind Kind, PointerState State, string? Reason, CompletenessReport? Completeness, CanaryReport? Canary)
{
    /// <summary>Gets whether the pointer changed.</summary>
    public bool Changed => Kind is FlipOutcomeKind.Flipped or FlipOutcomeKind.RolledBack;
}

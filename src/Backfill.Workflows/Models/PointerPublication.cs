using Backfill.Storage.Pointers;

namespace Backfill.Workflows.Models;

/// <summary>Input of the mirror step: a state the entity held, and the change to record when it is a new one.</summary>
/// <param name="State">The entity's state.</param>
/// <param name="Change">The flip or rollback that produced it; null when only reconciling the mirror.</param>
public sealed record PointerPublication(PointerState State, PointerChangeRecord? Change);

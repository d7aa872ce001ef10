namespace Backfill.Storage.Pointers;

/// <summary>
/// The blob <c>_pointers/{name}.json</c>: a copy of the pointer entity's state at one sequence, so readers
/// outside Durable resolve a pointer with one blob read.
/// </summary>
/// <param name="Name">The pointer, e.g. <c>features</c>.</param>
/// <param name="Current">The dataset the pointer names, e.g. <c>features_v2</c>.</param>
/// <param name="Sequence">The entity's sequence of this state; the mirror only ever moves to a higher one.</param>
/// <param name="FlippedAt">When the entity took this state; null at sequence 0.</param>
/// <param name="FlippedBy">The backfill or flip run that changed it; null at sequence 0.</param>
public sealed record PointerMirror(string Name, string Current, long Sequence, DateTimeOffset? FlippedAt, string? FlippedBy);

namespace Backfill.Workflows.Models;

/// <summary>State of the tally entity: a count, a version that every change bumps, and the items already marked.</summary>
/// <param name="Count">The count.</param>
/// <param name="Version">Bumped by every change.</param>
/// <param name="Marked">Items counted by <c>Mark</c>, so a redelivered mark is not counted twice.</param>
public sealed record Tally(int Count, long Version, IReadOnlyList<int> Marked);

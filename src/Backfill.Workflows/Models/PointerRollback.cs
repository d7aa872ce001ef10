namespace Backfill.Workflows.Models;

/// <summary>Restore the version the pointer named before its current one, only if it is still at <paramref name="ExpectedSequence"/>.</summary>
/// <param name="ExpectedSequence">The sequence the caller read.</param>
/// <param name="FlippedBy">The run making the change.</param>
/// <param name="FlippedAt">The orchestration's clock at the change.</param>
public sealed record PointerRollback(long ExpectedSequence, string FlippedBy, DateTimeOffset FlippedAt);

namespace Backfill.Workflows.Models;

/// <summary>Flip the pointer to <paramref name="To"/>, only if it still names <paramref name="ExpectedCurrent"/> at <paramref name="ExpectedSequence"/>.</summary>
/// <param name="ExpectedCurrent">The version the caller checked against.</param>
/// <param name="To">The new version.</param>
/// <param name="ExpectedSequence">The sequence the caller read.</param>
/// <param name="FlippedBy">The backfill or flip run making the change.</param>
/// <param name="FlippedAt">The orchestration's clock at the change.</param>
public sealed record PointerFlip(string ExpectedCurrent, string To, long ExpectedSequence, string FlippedBy, DateTimeOffset FlippedAt);

namespace Backfill.Storage.Pointers;

/// <summary>One flip or rollback of a pointer, as recorded in the lineage table.</summary>
/// <param name="Name">The pointer.</param>
/// <param name="Kind"><c>flip</c> or <c>rollback</c>.</param>
/// <param name="From">The version readers used before.</param>
/// <param name="To">The version readers use after.</param>
/// <param name="Sequence">The pointer's sequence after the change.</param>
/// <param name="FlippedAt">When the entity changed.</param>
/// <param name="FlippedBy">The backfill or flip run that changed it.</param>
/// <param name="RequiredDays">How many days the completeness check required (0 for a rollback).</param>
/// <param name="Canary">The canary's summary: each sampled day and its worst result; empty for a rollback.</param>
public sealed record PointerChangeRecord(
    string Name, string Kind, string From, string To, long Sequence, DateTimeOffset FlippedAt, string FlippedBy, int RequiredDays, string Canary);

namespace Backfill.Core.Claims;

/// <summary>What a claim got.</summary>
/// <param name="Refused">True when a backfill that does not wait was refused: it holds nothing.</param>
/// <param name="Held">Dataset → the days the run now holds (canonical expressions); empty when a claim was refused.</param>
/// <param name="Conflicts">
/// For a backfill, what other runs hold of what it asked for (refused, or waiting for these); for a daily run, the
/// backfills it took partitions from.
/// </param>
public sealed record ClaimResult(bool Refused, IReadOnlyDictionary<string, string> Held, IReadOnlyList<ClaimConflict> Conflicts);

namespace Backfill.Core.Claims;

/// <summary>What a claim got.</summary>
/// <param name="Held">Dataset → the days the run now holds (canonical expressions); empty when a claim was refused.</param>
/// <param name="Conflicts">
/// For a backfill, what other runs hold of what it asked for (refused, or waiting for these); for a daily run, the
/// backfills it took partitions from.
/// </param>
public sealed record ClaimResult(IReadOnlyDictionary<string, string> Held, IReadOnlyList<ClaimConflict> Conflicts)
{
    /// <summary>True when the claim was refused outright: nothing held, something in the way.</summary>
    public bool Refused => Held.Count == 0 && Conflicts.Count > 0;
}

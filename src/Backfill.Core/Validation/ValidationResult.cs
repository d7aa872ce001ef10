namespace Backfill.Core.Validation;

/// <summary>
/// The typed result of one validation check of a staged commit, stored in the partition's manifest and lineage
/// and returned by the API.
/// </summary>
/// <param name="Name">The check, one of <see cref="ValidationCheckNames"/>.</param>
/// <param name="Column">The column the check looked at, for per-column checks; otherwise <see langword="null"/>.</param>
/// <param name="Status">Pass, warn or fail.</param>
/// <param name="Observed">The measured value, in the unit the message names; <see langword="null"/> when nothing could be measured.</param>
/// <param name="Threshold">
/// The bound the observed value was held to: the one it crossed, or for a pass the nearest one;
/// <see langword="null"/> when no bound applied (e.g. no baseline).
/// </param>
/// <param name="Message">A sentence for people: what was seen, against what, and why that status.</param>
/// <param name="Baseline">
/// For a check that compares with other partitions (row count trend, null rate, drift), the partitions it compared
/// with, each <c>dataset/YYYY-MM-DD@commitId</c>, so the verdict can be re-judged by hand; empty when none was
/// found; <see langword="null"/> for a check that compares with no other partition.
/// </param>
public sealed record ValidationResult(
    string Name, string? Column, ValidationStatus Status, double? Observed, double? Threshold, string Message,
    IReadOnlyList<string>? Baseline = null)
{
    /// <summary>Whether <paramref name="other"/> is the same result: every field equal, the baseline item by item.</summary>
    /// <param name="other">The result to compare with.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(ValidationResult? other) =>
        other is not null
        && Name == other.Name
        && Column == other.Column
        && Status == other.Status
        && EqualityComparer<double?>.Default.Equals(Observed, other.Observed)
        && EqualityComparer<double?>.Default.Equals(Threshold, other.Threshold)
        && Message == other.Message
        && (Baseline is null ? other.Baseline is null : other.Baseline is not null && Baseline.SequenceEqual(other.Baseline, StringComparer.Ordinal));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Column, Status, Observed, Threshold, Message, Baseline?.Count);
}

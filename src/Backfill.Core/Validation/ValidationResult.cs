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
public sealed record ValidationResult(
    string Name, string? Column, ValidationStatus Status, double? Observed, double? Threshold, string Message);

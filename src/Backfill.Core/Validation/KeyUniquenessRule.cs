using static System.FormattableString;

namespace Backfill.Core.Validation;

/// <summary>
/// Validates that the dataset's key is unique in the partition: <c>(entity_id, date)</c> in features,
/// <c>event_id</c> in staging.
/// </summary>
public static class KeyUniquenessRule
{
    /// <summary>Fails when any key repeats.</summary>
    /// <param name="duplicates">The duplicate count and an example key, from one query over the staged commit.</param>
    /// <returns>Observed is the duplicate count; the threshold is 0.</returns>
    public static ValidationResult Check(DuplicateKeys duplicates)
    {
        ArgumentNullException.ThrowIfNull(duplicates);
        var key = string.Join(", ", duplicates.KeyColumns);
        var (status, message) = duplicates.DuplicateCount > 0
            ? (ValidationStatus.Fail, Invariant($"{duplicates.DuplicateCount} duplicate rows on key ({key}), e.g. '{duplicates.ExampleKey}'."))
            : (ValidationStatus.Pass, Invariant($"Key ({key}) is unique."));
        return new ValidationResult(
            ValidationCheckNames.KeyUniqueness, null, status, duplicates.DuplicateCount, 0, message);
    }
}

namespace Backfill.Core.Validation;

/// <summary>
/// Turns failures into warnings for checks whose comparison does not hold for this partition, e.g. a features
/// partition whose input window reaches before the first committed staging day: its row count and distributions
/// differ from a full window's by construction, so they are reported, not failed.
/// </summary>
public static class ReportOnly
{
    /// <summary>Returns <paramref name="results"/> with each fail turned into a warn that says why.</summary>
    /// <param name="results">The results of the affected checks.</param>
    /// <param name="reason">Why the comparison does not hold, e.g. <c>input window incomplete (3 of 7 staging days)</c>.</param>
    /// <returns>The results; pass and warn unchanged, fail as warn with the reason appended to the message.</returns>
    public static IReadOnlyList<ValidationResult> Apply(IEnumerable<ValidationResult> results, string reason)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return [.. results.Select(result => result.Status == ValidationStatus.Fail
            ? result with { Status = ValidationStatus.Warn, Message = $"{result.Message} Reported, not failed: {reason}." }
            : result)];
    }
}

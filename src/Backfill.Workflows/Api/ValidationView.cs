using Backfill.Core.Validation;

namespace Backfill.Workflows.Api;

/// <summary>One validation check's result as the API shows it.</summary>
/// <param name="Name">The check.</param>
/// <param name="Column">The column it looked at, for per-column checks.</param>
/// <param name="Status">pass, warn or fail.</param>
/// <param name="Observed">The measured value.</param>
/// <param name="Threshold">The bound it was held to.</param>
/// <param name="Message">What was seen, against what.</param>
public sealed record ValidationView(string Name, string? Column, string Status, double? Observed, double? Threshold, string Message)
{
    /// <summary>The view of a stored result.</summary>
    public static ValidationView Of(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Name, result.Column, result.Status.ToString().ToLowerInvariant(), result.Observed, result.Threshold, result.Message);
    }
}

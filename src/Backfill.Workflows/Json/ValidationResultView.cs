using Backfill.Core.Validation;

namespace Backfill.Workflows.Json;

/// <summary>One validation result as the API returns it.</summary>
/// <param name="Name">The check, e.g. <c>null_rate</c>.</param>
/// <param name="Column">The column of a per-column check.</param>
/// <param name="Status"><c>pass</c>, <c>warn</c> or <c>fail</c>.</param>
/// <param name="Observed">The measured value.</param>
/// <param name="Threshold">The bound it was held to.</param>
/// <param name="Message">What was seen, against what, and why that status.</param>
/// <param name="Baseline">
/// For a check that compared with other partitions, which ones: <c>dataset/YYYY-MM-DD@commitId</c>, the commits live at
/// the run's baseline time; null for a check that compares with none.
/// </param>
public sealed record ValidationResultView(
    string Name, string? Column, string Status, double? Observed, double? Threshold, string Message, IReadOnlyList<string>? Baseline = null)
{
    /// <summary>The view of a result.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The view.</returns>
    public static ValidationResultView Of(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ValidationResultView(
            result.Name, result.Column, result.Status.ToString().ToLowerInvariant(), result.Observed, result.Threshold, result.Message, result.Baseline);
    }
}

using Backfill.Core.Validation;
using Backfill.Workflows.Models;

namespace Backfill.Workflows.Api;

/// <summary>One canary day of a flip's answer.</summary>
/// <param name="Date">The sampled day.</param>
/// <param name="Status">Its worst check: pass, warn or fail.</param>
/// <param name="Failures">The messages of its failed checks.</param>
public sealed record CanaryDayView(string Date, string Status, IReadOnlyList<string> Failures)
{
    /// <summary>The view of a canary day.</summary>
    public static CanaryDayView Of(CanaryDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return new(day.Day.ToString(), day.Status.ToString().ToLowerInvariant(),
            [.. day.Results.Where(r => r.Status == ValidationStatus.Fail).Select(r => r.Message)]);
    }
}

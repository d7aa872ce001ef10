namespace Backfill.Workflows.Models;

/// <summary>The canary: the sampled partitions of the target version, each re-checked right before the flip.</summary>
/// <param name="Days">One entry per sampled day, ascending.</param>
public sealed record CanaryReport(IReadOnlyList<CanaryDay> Days)
{
    /// <summary>Gets whether no sampled day failed.</summary>
    public bool Passed => Days.All(d => d.Status != Backfill.Core.Validation.ValidationStatus.Fail);

    /// <summary>One line per day: its date and worst status, e.g. <c>2025-01-30 pass</c>.</summary>
    public string Summary => string.Join(", ", Days.Select(d => $"{d.Day} {d.Status.ToString().ToLowerInvariant()}"));
}

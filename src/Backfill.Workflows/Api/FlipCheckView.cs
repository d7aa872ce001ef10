using Backfill.Workflows.Models;

namespace Backfill.Workflows.Api;

/// <summary>Body of a flip dry run whose checks passed: what a flip would change and what it checked.</summary>
/// <param name="Name">The pointer.</param>
/// <param name="Current">The version it names now.</param>
/// <param name="To">The version a flip would make it name.</param>
/// <param name="Sequence">The sequence a flip must expect.</param>
/// <param name="RequiredDays">The days checked complete in <paramref name="To"/>.</param>
/// <param name="Canary">The sampled days re-validated, with their worst status.</param>
public sealed record FlipCheckView(string Name, string Current, string To, long Sequence, IReadOnlyList<string> RequiredDays, IReadOnlyList<CanaryDayView> Canary)
{
    /// <summary>The view of a passed dry run.</summary>
    public static FlipCheckView Of(FlipOutcome outcome, string to)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new(outcome.State.Name, outcome.State.Current, to, outcome.State.Sequence,
            [.. outcome.Completeness!.Required.Select(d => d.ToString())], [.. outcome.Canary!.Days.Select(CanaryDayView.Of)]);
    }
}

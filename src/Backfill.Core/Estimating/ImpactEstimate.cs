namespace Backfill.Core.Estimating;

/// <summary>A plan's <b>impact estimate</b>: bytes to read and write per layer, and its expected duration.</summary>
/// <param name="Layers">One entry per layer the plan runs, raw to features.</param>
/// <param name="MaxParallel">The max parallel the duration assumes.</param>
/// <param name="ItemOverhead">The orchestration time added to every item, beyond what lineage records.</param>
/// <param name="Duration">The simulated duration; null when a layer to run has no commit history (see <paramref name="NoDurationReason"/>).</param>
/// <param name="NoDurationReason">Why there is no duration; null when there is one.</param>
/// <param name="Method">How the figures were made, in words.</param>
public sealed record ImpactEstimate(
    IReadOnlyList<LayerEstimate> Layers,
    int MaxParallel,
    TimeSpan ItemOverhead,
    TimeSpan? Duration,
    string? NoDurationReason,
    string Method);

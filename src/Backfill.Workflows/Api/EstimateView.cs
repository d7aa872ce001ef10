using Backfill.Core.Estimating;
using Backfill.Core.Layers;

namespace Backfill.Workflows.Api;

/// <summary>A dry run's <b>impact estimate</b>.</summary>
/// <param name="MaxParallel">The max parallel the duration assumes (the request's).</param>
/// <param name="DurationSeconds">The expected duration; null when a layer to run has no history (see <paramref name="NoDurationReason"/>).</param>
/// <param name="NoDurationReason">Why there is no duration; null when there is one.</param>
/// <param name="ItemOverheadMilliseconds">Orchestration time added to every item (setting <c>Backfill:EstimateItemOverheadMilliseconds</c>).</param>
/// <param name="Method">How the figures were made, in words.</param>
/// <param name="Layers">Per layer it runs: partitions, bytes to read and write, and the duration per item.</param>
public sealed record EstimateView(
    int MaxParallel, double? DurationSeconds, string? NoDurationReason, long ItemOverheadMilliseconds, string Method, IReadOnlyList<LayerEstimateView> Layers)
{
    /// <summary>The view of an estimate.</summary>
    public static EstimateView Of(ImpactEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return new EstimateView(
            estimate.MaxParallel,
            estimate.Duration is { } d ? Math.Round(d.TotalSeconds, 1) : null,
            estimate.NoDurationReason,
            (long)estimate.ItemOverhead.TotalMilliseconds,
            estimate.Method,
            [.. estimate.Layers.Select(l => new LayerEstimateView(
                LayerNames.Of(l.Layer), l.Dataset, l.Partitions, l.InputBytes, l.BytesToWrite, l.UnsizedPartitions,
                l.ItemDuration is { } item ? (long)item.TotalMilliseconds : null, l.DurationSamples))]);
    }
}

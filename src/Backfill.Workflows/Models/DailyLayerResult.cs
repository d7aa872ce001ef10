using Backfill.Core.Layers;

namespace Backfill.Workflows.Models;

/// <summary>How one layer of one day ended in a daily run.</summary>
/// <param name="Layer">The layer.</param>
/// <param name="Outcome">Its last attempt's outcome.</param>
/// <param name="Rows">Rows in the live partition.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="Error">Why it failed; null on success.</param>
/// <param name="Version">For the features layer, the feature version built; null for raw and staging (shared by every version).</param>
public sealed record DailyLayerResult(Layer Layer, WorkItemOutcomeKind Outcome, long Rows, int Attempts, string? Error, string? Version = null)
{
    /// <summary>Gets whether the layer's partition is live from this run (published or already equal).</summary>
    public bool Succeeded => Outcome is WorkItemOutcomeKind.Succeeded or WorkItemOutcomeKind.Skipped;
}

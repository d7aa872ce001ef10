using Backfill.Core.Layers;
using Backfill.Workflows.Models;

namespace Backfill.Workflows.Api;

/// <summary>
/// The pinned request as the API shows it, in the spelling requests use. <c>items</c> names the work items a reprocess mode or
/// retry-failed chose (e.g. <c>staging:2025-01-03;features:2025-01-03..2025-01-09</c>); null when it runs every layer of every day.
/// <c>buckets</c> is the layout the run pinned: the bucket count of each dataset it writes whose days are split (empty when none is).
/// </summary>
public sealed record BackfillRequestView(
    string Partitions, string Target, IReadOnlyList<string> Layers, int MaxParallel, string WriteMode, string Order, int Retries, bool FailFast, bool FlipOnSuccess = false,
    string OnConflict = BackfillRequestValidator.Reject, string Reprocess = "changed", string? Items = null, IReadOnlyDictionary<string, int>? Buckets = null)
{
    /// <summary>The view of <paramref name="spec"/>.</summary>
    public static BackfillRequestView Of(BackfillSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new(spec.Partitions, spec.Target, [.. spec.Layers.Select(LayerNames.Of)], spec.MaxParallel,
            spec.WriteMode.ToString().ToLowerInvariant(), spec.Order.ToString().ToLowerInvariant(), spec.Retries, spec.FailFast, spec.FlipOnSuccess,
            spec.WaitOnConflict ? BackfillRequestValidator.Wait : BackfillRequestValidator.Reject, spec.Reprocess.ToString().ToLowerInvariant(), spec.Items,
            spec.Buckets ?? new Dictionary<string, int>());
    }
}

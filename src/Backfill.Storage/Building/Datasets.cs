using Backfill.Core.Layers;

namespace Backfill.Storage.Building;

/// <summary>The names of the event datasets; features datasets are named by their feature version.</summary>
public static class Datasets
{
    /// <summary>Landed events by event date, as of a processing time.</summary>
    public const string Raw = "raw";

    /// <summary>De-duplicated, normalized events with their per-entity daily rollup.</summary>
    public const string Staging = "staging";

    /// <summary>The dataset a layer writes when the features layer fills <paramref name="target"/>.</summary>
    /// <param name="layer">The layer.</param>
    /// <param name="target">The feature version dataset, e.g. <c>features_v2</c>.</param>
    /// <returns><c>raw</c>, <c>staging</c>, or <paramref name="target"/>.</returns>
    public static string Of(Layer layer, string target) => layer switch
    {
        Layer.Raw => Raw,
        Layer.Staging => Staging,
        _ => target,
    };
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Backfill.Core.Buckets;
using Backfill.Core.Layers;

namespace Backfill.Core.Features;

/// <summary>
/// The config hash each layer's commits carry. Raw and staging do not depend on any feature
/// version, so their hash is the event pipeline's own: filling features_v2 never re-publishes raw
/// or staging that features_v1 already committed with the same code.
/// </summary>
public static class PipelineConfig
{
    /// <summary>The config hash of raw and staging: bump the text when their logic's settings change.</summary>
    public static string EventsConfigHash { get; } =
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("events:raw-by-event-date,staging-dedupe-event-id,refunds-negative")));

    /// <summary>The config hash for <paramref name="layer"/> when the features layer writes <paramref name="target"/>, in one bucket.</summary>
    public static string ConfigHashOf(Layer layer, FeatureVersion target) => ConfigHashOf(layer, target, BucketCount.One);

    /// <summary>
    /// The config hash for <paramref name="layer"/> when the features layer writes <paramref name="target"/> and the
    /// layer's dataset is split into <paramref name="buckets"/>. One bucket adds nothing, so every commit made before
    /// buckets existed keeps its hash; more make a layout change show as a config change (the dry run lists the days
    /// as stale, and a rerun rebuilds them instead of skipping).
    /// </summary>
    public static string ConfigHashOf(Layer layer, FeatureVersion target, BucketCount buckets)
    {
        ArgumentNullException.ThrowIfNull(target);
        var hash = layer == Layer.Features ? target.ConfigHash : EventsConfigHash;
        return buckets.Value == 1
            ? hash
            : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
                string.Create(CultureInfo.InvariantCulture, $"{hash}|buckets={buckets.Value}"))));
    }
}

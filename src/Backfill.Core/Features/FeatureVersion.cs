using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Backfill.Core.Features;

/// <summary>
/// A feature version: its dataset name (e.g. <c>features_v2</c>) and feature definitions, with the config hash
/// lineage records for every commit built from it.
/// </summary>
public sealed record FeatureVersion
{
    /// <summary>Creates a feature version.</summary>
    /// <param name="name">The dataset name, e.g. <c>features_v1</c>.</param>
    /// <param name="features">The features in column order; names unique, windows at least 1 day.</param>
    /// <param name="activityWindowDays">Entities with events in D-A+1..D get a row for D.</param>
    /// <exception cref="ArgumentException">A name repeats or a window is shorter than a day.</exception>
    public FeatureVersion(string name, IReadOnlyList<FeatureDefinition> features, int activityWindowDays = 7)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfLessThan(activityWindowDays, 1);
        if (features.Select(feature => feature.Name).Distinct(StringComparer.Ordinal).Count() != features.Count)
        {
            throw new ArgumentException("Feature names must be unique.", nameof(features));
        }

        if (features.Any(feature => feature.WindowDays < 1))
        {
            throw new ArgumentException("Feature windows must be at least 1 day.", nameof(features));
        }

        Name = name;
        Features = features;
        ActivityWindowDays = activityWindowDays;
        CanonicalText = string.Join('\n', [
            string.Create(CultureInfo.InvariantCulture, $"dataset {name}"),
            string.Create(CultureInfo.InvariantCulture, $"active = count(*) > 0 over {activityWindowDays}d"),
            .. features.Select(feature => feature.CanonicalText)]) + "\n";
        ConfigHash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText)));
    }

    /// <summary>Gets the dataset name.</summary>
    public string Name { get; }

    /// <summary>Gets the features in column order.</summary>
    public IReadOnlyList<FeatureDefinition> Features { get; }

    /// <summary>Gets A: entities with events in the last A days ending at D get a row for D.</summary>
    public int ActivityWindowDays { get; }

    /// <summary>Gets how many staging days ending at D features(D) reads: the longest window.</summary>
    public int InputWindowDays => Math.Max(ActivityWindowDays, Features.Max(feature => feature.WindowDays));

    /// <summary>Gets the canonical text of the whole definition, one line per feature.</summary>
    public string CanonicalText { get; }

    /// <summary>Gets the config hash: <c>sha256:</c> and the hex SHA-256 of <see cref="CanonicalText"/>.</summary>
    public string ConfigHash { get; }

    /// <inheritdoc />
    public bool Equals(FeatureVersion? other) => other is not null && CanonicalText == other.CanonicalText;

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(CanonicalText);
}

using Backfill.Core.Features;
using Backfill.Core.Validation;

namespace Backfill.Workflows.Hosting;

/// <summary>
/// Validation thresholds (section <c>Validation</c>): <see cref="Defaults"/> for every dataset, then
/// <see cref="Datasets"/> overrides by dataset name (<c>raw</c>, <c>staging</c>, <c>features_v2</c>, …).
/// Checked at start by <see cref="ValidationSettingsValidator"/>.
/// </summary>
public sealed class ValidationSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Validation";

    /// <summary>Overrides applied to every dataset.</summary>
    public DatasetValidationSettings Defaults { get; set; } = new();

    /// <summary>Overrides per dataset, applied after <see cref="Defaults"/>.</summary>
    public IDictionary<string, DatasetValidationSettings> Datasets { get; set; } =
        new Dictionary<string, DatasetValidationSettings>(StringComparer.Ordinal);

    /// <summary>
    /// Returns the thresholds of <paramref name="dataset"/>. Unless configured, a feature version's expected-to-drift
    /// features are those whose definition changed from the previous version (<c>amount_7d</c> in
    /// <c>features_v2</c>): a version switch changes them on purpose.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The thresholds.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A configured value is out of range.</exception>
    public ValidationThresholds ThresholdsFor(string dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var version = FeatureVersions.All.FirstOrDefault(features => features.Name == dataset);
        var thresholds = version is not null && FeatureVersions.Previous(version) is { } previous
            ? new ValidationThresholds { ExpectedToDrift = FeatureVersions.ChangedFeatures(previous, version).ToHashSet(StringComparer.Ordinal) }
            : new ValidationThresholds();
        thresholds = Defaults.Apply(thresholds);
        return Datasets.TryGetValue(dataset, out var overrides) ? overrides.Apply(thresholds) : thresholds;
    }
}

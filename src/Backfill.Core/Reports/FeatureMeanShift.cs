using Backfill.Core.Features;

namespace Backfill.Core.Reports;

/// <summary>How one feature's mean moved between two commits of a features partition.</summary>
/// <param name="Feature">The feature's name.</param>
/// <param name="MeanBefore">Its mean over the previous commit's finite values; null when there was no previous commit or no value.</param>
/// <param name="MeanAfter">Its mean over the new commit's finite values; null when it has none.</param>
public sealed record FeatureMeanShift(string Feature, double? MeanBefore, double? MeanAfter)
{
    /// <summary>Gets the shift, after minus before; null when either side has no mean.</summary>
    public double? Shift => MeanBefore is { } before && MeanAfter is { } after ? after - before : null;

    /// <summary>The mean shift of every feature of a version, in the version's column order.</summary>
    /// <param name="features">The feature version of both commits.</param>
    /// <param name="before">The means of the previous commit's rows; null for a partition's first commit.</param>
    /// <param name="after">The means of the new commit's rows.</param>
    /// <returns>One shift per feature.</returns>
    public static IReadOnlyList<FeatureMeanShift> Of(FeatureVersion features, FeatureMeans? before, FeatureMeans after)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(after);
        return [.. features.Features.Select((feature, i) => new FeatureMeanShift(feature.Name, before?.Of(i), after.Of(i)))];
    }
}

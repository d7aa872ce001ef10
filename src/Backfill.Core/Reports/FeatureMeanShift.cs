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
    /// <param name="before">The previous commit's rows; null for a partition's first commit.</param>
    /// <param name="after">The new commit's rows.</param>
    /// <returns>One shift per feature.</returns>
    public static IReadOnlyList<FeatureMeanShift> Of(FeatureVersion features, IReadOnlyList<FeatureRow>? before, IReadOnlyList<FeatureRow> after)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(after);
        return [.. features.Features.Select((feature, i) => new FeatureMeanShift(
            feature.Name, before is null ? null : Mean(before, i), Mean(after, i)))];
    }

    // NaN marks a value that could not be computed (e.g. a ratio over nothing): it has no place in a mean.
    private static double? Mean(IReadOnlyList<FeatureRow> rows, int column)
    {
        double sum = 0;
        var count = 0;
        foreach (var row in rows)
        {
            var value = row.Values[column];
            if (double.IsFinite(value))
            {
                sum += value;
                count++;
            }
        }

        return count == 0 ? null : sum / count;
    }
}

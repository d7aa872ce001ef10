using Backfill.Core.Features;

namespace Backfill.Core.Reports;

/// <summary>
/// The running means of a feature version's features over rows added a part at a time (a day's buckets, one after the
/// other), so a report on a day of any size holds one bucket's rows, never the day's.
/// </summary>
public sealed class FeatureMeans
{
    private readonly double[] _sums;
    private readonly long[] _counts;

    /// <summary>Creates empty means for every feature of <paramref name="features"/>.</summary>
    /// <param name="features">The feature version of the rows to be added.</param>
    public FeatureMeans(FeatureVersion features)
    {
        ArgumentNullException.ThrowIfNull(features);
        _sums = new double[features.Features.Count];
        _counts = new long[features.Features.Count];
    }

    /// <summary>Adds rows to the means.</summary>
    /// <param name="rows">Rows of the feature version, one value per feature.</param>
    public void Add(IEnumerable<FeatureRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            for (var i = 0; i < _sums.Length; i++)
            {
                // NaN marks a value that could not be computed (e.g. a ratio over nothing): it has no place in a mean.
                if (double.IsFinite(row.Values[i]))
                {
                    _sums[i] += row.Values[i];
                    _counts[i]++;
                }
            }
        }
    }

    /// <summary>The mean of one feature's finite values added so far.</summary>
    /// <param name="feature">The feature's index in the version's column order.</param>
    /// <returns>The mean; null when no finite value was added.</returns>
    public double? Of(int feature) => _counts[feature] == 0 ? null : _sums[feature] / _counts[feature];
}

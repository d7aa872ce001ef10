namespace Backfill.Core.Drift;

/// <summary>
/// The distribution of disjoint parts of one column, known only by each part's <see cref="QuantileSketch"/> and
/// count: a mixture of the parts' CDFs weighted by count, each CDF piecewise-linear between its sketch points
/// (the inverse of the type-7 quantile the points were taken with, so one part's points come back unchanged).
/// </summary>
/// <remarks>
/// Each part's CDF is within 1/(points−1) + 1/count of the part's empirical CDF everywhere (a sketch point is a
/// type-7 quantile, and the CDF is linear between neighbours), so the mixture is within
/// 1/(points−1) + parts/total of the whole column's empirical CDF: the bound merged quantiles and bins keep.
/// </remarks>
internal sealed class SketchMixture
{
    private readonly double[][] _sketches;
    private readonly long[] _counts;
    private readonly double[] _breaks;
    private readonly double[] _at;
    private readonly double[] _before;

    /// <summary>Creates the mixture of parts, each a non-empty ascending sketch and its (positive) count.</summary>
    public SketchMixture(IReadOnlyList<(IReadOnlyList<double> Sketch, long Count)> parts)
    {
        _sketches = [.. parts.Select(part => part.Sketch.ToArray())];
        _counts = [.. parts.Select(part => part.Count)];
        Total = _counts.Sum();

        // The mixture is linear between consecutive points of the union of sketches, and jumps only at a point, so
        // its value and left limit at each distinct point are all that inverting it needs.
        _breaks = [.. _sketches.SelectMany(points => points).Distinct().Order()];
        _at = new double[_breaks.Length];
        _before = new double[_breaks.Length];

        // One walk per part along the ascending points, instead of a search per point: parts × points steps.
        for (var j = 0; j < _sketches.Length; j++)
        {
            var (points, atOrBelow, below) = (_sketches[j], 0, 0);
            for (var k = 0; k < _breaks.Length; k++)
            {
                var x = _breaks[k];
                while (atOrBelow < points.Length && points[atOrBelow] <= x)
                {
                    atOrBelow++;
                }

                while (below < points.Length && points[below] < x)
                {
                    below++;
                }

                _at[k] += _counts[j] * PartCdf(points, atOrBelow - 1, x);
                _before[k] += _counts[j] * PartCdf(points, below - 1, x);
            }
        }

        for (var k = 0; k < _breaks.Length; k++)
        {
            _at[k] /= Total;
            _before[k] /= Total;
        }
    }

    /// <summary>Gets the total count of the parts.</summary>
    public long Total { get; }

    /// <summary>The mixture's count of values at or below <paramref name="x"/> (fractional: a CDF times a count).</summary>
    public double CountAtOrBelow(double x)
    {
        var sum = 0.0;
        for (var j = 0; j < _sketches.Length; j++)
        {
            sum += _counts[j] * PartCdf(_sketches[j], UpperBound(_sketches[j], x) - 1, x);
        }

        return sum;
    }

    /// <summary>
    /// The p-quantile of the mixture: the smallest x whose CDF reaches p, the CDF's inverse where it is continuous
    /// and the point itself where the CDF jumps over p (a point mass, e.g. many zeros).
    /// </summary>
    public double Quantile(double p)
    {
        if (p >= 1)
        {
            return _breaks[^1];
        }

        var k = Array.FindIndex(_at, value => value >= p);
        if (k < 0)
        {
            k = _breaks.Length - 1;
        }

        if (k == 0 || p >= _before[k])
        {
            return _breaks[k];
        }

        // Here _at[k−1] < p < _before[k], and the CDF rises linearly from the one to the other.
        var share = (p - _at[k - 1]) / (_before[k] - _at[k - 1]);
        return Math.Clamp(_breaks[k - 1] + (share * (_breaks[k] - _breaks[k - 1])), _breaks[k - 1], _breaks[k]);
    }

    /// <summary>A part's CDF at x, given i, the last sketch point on the side of x that the caller wants counted.</summary>
    private static double PartCdf(double[] points, int i, double x)
    {
        if (i < 0)
        {
            return 0;
        }

        if (i >= points.Length - 1)
        {
            return 1;
        }

        // points[i] ≤ x ≤ points[i+1] with the two unequal, whichever bound found i.
        return (i + ((x - points[i]) / (points[i + 1] - points[i]))) / (points.Length - 1);
    }

    /// <summary>The index of the first point greater than x.</summary>
    private static int UpperBound(double[] points, double x)
    {
        var (low, high) = (0, points.Length);
        while (low < high)
        {
            var mid = (low + high) / 2;
            (low, high) = points[mid] <= x ? (mid + 1, high) : (low, mid);
        }

        return low;
    }
}

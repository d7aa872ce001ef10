namespace Backfill.Core.Drift;

/// <summary>A sorted copy of finite values, so that every quantile of one sample costs one sort.</summary>
internal sealed class SortedSample
{
    private readonly double[] _sorted;

    private SortedSample(double[] sorted) => _sorted = sorted;

    public int Count => _sorted.Length;

    public static SortedSample Of(IEnumerable<double> values, string paramName)
    {
        ArgumentNullException.ThrowIfNull(values, paramName);
        var copy = values.Select(value => FiniteValue.Require(value, paramName)).ToArray();
        if (copy.Length == 0)
        {
            throw new ArgumentException("At least one value is needed.", paramName);
        }

        Array.Sort(copy);
        return new SortedSample(copy);
    }

    /// <summary>
    /// The p-quantile by linear interpolation between closest ranks (Hyndman–Fan type 7, the default of numpy
    /// and R), so the figures match what an analyst recomputes in a notebook.
    /// </summary>
    public double Quantile(double p)
    {
        var rank = p * (_sorted.Length - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, _sorted.Length - 1);
        return _sorted[below] + ((rank - below) * (_sorted[above] - _sorted[below]));
    }

    /// <summary>Mean and population standard deviation in one pass (Welford), stable for large offsets.</summary>
    public (double Mean, double StandardDeviation) Moments()
    {
        var mean = 0.0;
        var squares = 0.0;
        for (var i = 0; i < _sorted.Length; i++)
        {
            var delta = _sorted[i] - mean;
            mean += delta / (i + 1);
            squares += delta * (_sorted[i] - mean);
        }

        return (mean, Math.Sqrt(squares / _sorted.Length));
    }
}

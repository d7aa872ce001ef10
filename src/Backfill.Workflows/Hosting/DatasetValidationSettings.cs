using System.ComponentModel.DataAnnotations;
using Backfill.Core.Validation;

namespace Backfill.Workflows.Hosting;

/// <summary>
/// Validation thresholds of one dataset (or the defaults of all): every value is optional and, when unset, keeps
/// the safe default of <see cref="ValidationThresholds"/>.
/// </summary>
public sealed class DatasetValidationSettings
{
    /// <summary>The fewest rows a partition may have.</summary>
    [Range(0, long.MaxValue)]
    public long? MinRows { get; set; }

    /// <summary>The most rows a partition may have.</summary>
    [Range(0, long.MaxValue)]
    public long? MaxRows { get; set; }

    /// <summary>How many trailing committed partitions form the row count and null rate baseline.</summary>
    [Range(1, 365)]
    public int? BaselinePartitions { get; set; }

    /// <summary>Relative distance from the trailing median row count that warns (0.25 = ±25%).</summary>
    [Range(0.0, 100.0)]
    public double? RowCountWarnDeviation { get; set; }

    /// <summary>Relative distance from the trailing median row count that fails (0.5 = ±50%).</summary>
    [Range(0.0, 100.0)]
    public double? RowCountFailDeviation { get; set; }

    /// <summary>Rise of a column's null rate over its baseline that fails (0.05 = 5 percentage points).</summary>
    [Range(0.0, 1.0)]
    public double? NullRateFailIncrease { get; set; }

    /// <summary>PSI at which a numeric feature warns.</summary>
    [Range(0.0, 100.0)]
    public double? PsiWarn { get; set; }

    /// <summary>PSI at which a numeric feature fails, unless expected to drift.</summary>
    [Range(0.0, 100.0)]
    public double? PsiFail { get; set; }

    /// <summary>Fewest values either side of a drift comparison needs before its PSI can fail.</summary>
    [Range(0, long.MaxValue)]
    public long? MinDriftValues { get; set; }

    /// <summary>False-alarm rate per check per partition of the drift and row count trend tests.</summary>
    [Range(1e-12, 1.0)]
    public double? SignificanceLevel { get; set; }

    /// <summary>Features whose drift is reported, never failed; replaces the default list when set.</summary>
    public IList<string>? ExpectedToDrift { get; set; }

    /// <summary>Applies the values set here over <paramref name="thresholds"/>.</summary>
    /// <param name="thresholds">The thresholds so far.</param>
    /// <returns>The thresholds with these overrides.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public ValidationThresholds Apply(ValidationThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return thresholds with
        {
            MinRows = MinRows ?? thresholds.MinRows,
            MaxRows = MaxRows ?? thresholds.MaxRows,
            BaselinePartitions = BaselinePartitions ?? thresholds.BaselinePartitions,
            RowCountWarnDeviation = RowCountWarnDeviation ?? thresholds.RowCountWarnDeviation,
            RowCountFailDeviation = RowCountFailDeviation ?? thresholds.RowCountFailDeviation,
            NullRateFailIncrease = NullRateFailIncrease ?? thresholds.NullRateFailIncrease,
            PsiWarn = PsiWarn ?? thresholds.PsiWarn,
            PsiFail = PsiFail ?? thresholds.PsiFail,
            MinDriftValues = MinDriftValues ?? thresholds.MinDriftValues,
            SignificanceLevel = SignificanceLevel ?? thresholds.SignificanceLevel,
            ExpectedToDrift = ExpectedToDrift is { } names
                ? names.ToHashSet(StringComparer.Ordinal)
                : thresholds.ExpectedToDrift,
        };
    }
}

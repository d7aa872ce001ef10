using static System.FormattableString;

namespace Backfill.Core.Validation;

/// <summary>Validates each column's nulls: none in a non-nullable column, and no spike over the trailing baseline.</summary>
public static class NullRateRule
{
    // Rates are ratios of counts, so a rise of exactly the threshold can land a rounding error above it; a
    // rise of exactly the threshold is allowed.
    private const double RoundingTolerance = 1e-12;

    // A day's null rate is a sample: with baseline rate p over n rows its noise is sqrt(p(1-p)/n). A naturally
    // sparse column (amount is null for most event types) on a small day swings more than the fixed threshold,
    // so the allowed rise is at least this many standard errors; one false fail per column in ~30,000 days.
    private const double NoiseStandardErrors = 4;

    /// <summary>
    /// Checks every column of <paramref name="candidate"/>: fail when a non-nullable column holds a null, or
    /// when the null rate rises more than <see cref="ValidationThresholds.NullRateFailIncrease"/> (or, on a small
    /// partition, more than four standard errors of its sampling noise) above the baseline rate — the trailing
    /// partitions' nulls over their rows, pooled, so a small day weighs little.
    /// </summary>
    /// <param name="candidate">The staged commit's profile.</param>
    /// <param name="trailing">The trailing committed partitions' profiles; empty when there are none yet.</param>
    /// <param name="schema">The dataset's declared columns; a column absent from it is treated as nullable (the schema check reports it).</param>
    /// <param name="thresholds">The dataset's thresholds.</param>
    /// <returns>One result per column, in column order; observed is the null rate (0.07 = 7%).</returns>
    public static IReadOnlyList<ValidationResult> Check(
        PartitionProfile candidate,
        IReadOnlyCollection<PartitionProfile> trailing,
        IReadOnlyList<ColumnSchema> schema,
        ValidationThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(trailing);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(thresholds);
        var nonNullable = schema.Where(column => !column.IsNullable).Select(column => column.Name)
            .ToHashSet(StringComparer.Ordinal);
        return [.. candidate.Columns.Select(column => CheckColumn(
            column, candidate.RowCount, trailing, nonNullable.Contains(column.Name), thresholds))];
    }

    private static ValidationResult CheckColumn(
        ColumnProfile column, long rowCount, IReadOnlyCollection<PartitionProfile> trailing, bool nonNullable,
        ValidationThresholds thresholds)
    {
        var rate = rowCount == 0 ? 0 : (double)column.NullCount / rowCount;
        if (nonNullable)
        {
            var status = column.NullCount > 0 ? ValidationStatus.Fail : ValidationStatus.Pass;
            return Result(column, status, rate, 0, Invariant($"{column.NullCount} nulls in non-nullable column '{column.Name}'."));
        }

        var (baselineNulls, baselineRows) = trailing
            .Select(profile => (Column: profile.Column(column.Name), profile.RowCount))
            .Where(day => day.Column is not null)
            .Aggregate((Nulls: 0L, Rows: 0L), (sum, day) => (sum.Nulls + day.Column!.NullCount, sum.Rows + day.RowCount));
        if (baselineRows == 0)
        {
            return Result(column, ValidationStatus.Pass, rate, null, Invariant(
                $"Null rate {rate:0.##%} in '{column.Name}'; no baseline: no trailing committed partition has rows in this column."));
        }

        var baseline = (double)baselineNulls / baselineRows;
        var noise = NoiseStandardErrors * Math.Sqrt(baseline * (1 - baseline) / Math.Max(1, rowCount));
        var allowed = Math.Max(thresholds.NullRateFailIncrease, noise);
        var ceiling = baseline + allowed;
        var spiked = rate - baseline > allowed + RoundingTolerance;
        var rule = allowed > thresholds.NullRateFailIncrease
            ? Invariant($"+{allowed * 100:0.##} points: sampling noise of {rowCount} rows exceeds the +{thresholds.NullRateFailIncrease * 100:0.##} points threshold")
            : Invariant($"+{thresholds.NullRateFailIncrease * 100:0.##} points");
        return Result(column, spiked ? ValidationStatus.Fail : ValidationStatus.Pass, rate, ceiling, Invariant(
            $"Null rate {rate:0.##%} in '{column.Name}' against a trailing baseline of {baseline:0.##%}; ")
            + Invariant($"fail above {ceiling:0.##%} ({rule})."));
    }

    private static ValidationResult Result(
        ColumnProfile column, ValidationStatus status, double rate, double? threshold, string message) =>
        new(ValidationCheckNames.NullRate, column.Name, status, rate, threshold, message);
}

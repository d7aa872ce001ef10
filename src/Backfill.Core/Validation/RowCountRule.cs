using Backfill.Core.Drift;
using static System.FormattableString;

namespace Backfill.Core.Validation;

/// <summary>Validates a partition's row count: absolute bounds, and distance from its recent history.</summary>
public static class RowCountRule
{
    /// <summary>Checks the row count against <see cref="ValidationThresholds.MinRows"/> and <see cref="ValidationThresholds.MaxRows"/>.</summary>
    /// <param name="rowCount">The staged commit's row count.</param>
    /// <param name="thresholds">The dataset's thresholds.</param>
    /// <returns>Fail outside the bounds; observed is the row count, threshold the bound it was held to.</returns>
    public static ValidationResult CheckBounds(long rowCount, ValidationThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var (status, bound, message) = rowCount < thresholds.MinRows
            ? (ValidationStatus.Fail, thresholds.MinRows, Invariant($"{rowCount} rows is below the minimum of {thresholds.MinRows}."))
            : rowCount > thresholds.MaxRows
                ? (ValidationStatus.Fail, thresholds.MaxRows, Invariant($"{rowCount} rows is above the maximum of {thresholds.MaxRows}."))
                : (ValidationStatus.Pass, thresholds.MinRows, Invariant($"{rowCount} rows is within {thresholds.MinRows}..{thresholds.MaxRows}."));
        return new ValidationResult(ValidationCheckNames.RowCountBounds, null, status, rowCount, bound, message);
    }

    /// <summary>
    /// Checks the row count against the median of the trailing committed partitions' row counts: warn when it
    /// is more than <see cref="ValidationThresholds.RowCountWarnDeviation"/> away, fail when more than
    /// <see cref="ValidationThresholds.RowCountFailDeviation"/> and beyond the counting noise of a partition that size
    /// at <see cref="ValidationThresholds.SignificanceLevel"/>.
    /// </summary>
    /// <param name="rowCount">The staged commit's row count.</param>
    /// <param name="trailingRowCounts">
    /// The row counts of the trailing committed partitions of the same dataset, in any order (the caller loads
    /// <see cref="ValidationThresholds.BaselinePartitions"/> of them); empty when there are none yet.
    /// </param>
    /// <param name="thresholds">The dataset's thresholds.</param>
    /// <returns>
    /// Observed is the relative deviation (−0.4 = 40% below the median); pass with a message saying so when
    /// there is no baseline, or when its median is 0 and a ratio means nothing.
    /// </returns>
    public static ValidationResult CheckTrend(
        long rowCount, IReadOnlyCollection<long> trailingRowCounts, ValidationThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(trailingRowCounts);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (trailingRowCounts.Count == 0)
        {
            return NoBaseline(rowCount, "no trailing committed partition to compare with yet");
        }

        var median = Median(trailingRowCounts);
        if (median == 0)
        {
            return NoBaseline(rowCount, "the trailing committed partitions' median is 0 rows");
        }

        var deviation = (rowCount / median) - 1;

        // A count of about `median` rows varies by about sqrt(median) from day to day (Poisson; binomial counts vary
        // less), so on a small partition ±50% can be noise: a fail needs a deviation beyond that noise too.
        var z = (rowCount - median) / Math.Sqrt(median);
        var pValue = ChiSquare.UpperTail(z * z, 1);
        var noise = pValue >= thresholds.SignificanceLevel;
        var (status, threshold) = Math.Abs(deviation) > thresholds.RowCountFailDeviation
            ? (noise ? ValidationStatus.Warn : ValidationStatus.Fail, thresholds.RowCountFailDeviation)
            : Math.Abs(deviation) > thresholds.RowCountWarnDeviation
                ? (ValidationStatus.Warn, thresholds.RowCountWarnDeviation)
                : (ValidationStatus.Pass, thresholds.RowCountWarnDeviation);
        var message = Invariant(
            $"{rowCount} rows is {deviation:+0.0%;-0.0%;0.0%} from the median {median:0.#} of the ")
            + Invariant($"{trailingRowCounts.Count} trailing committed partitions; ")
            + Invariant($"warn beyond ±{thresholds.RowCountWarnDeviation:0.#%}, fail beyond ±{thresholds.RowCountFailDeviation:0.#%} ")
            + Invariant($"when beyond counting noise (p {pValue:0.####}, α {thresholds.SignificanceLevel:0.####}).")
            + (noise && Math.Abs(deviation) > thresholds.RowCountFailDeviation ? " Within counting noise: reported, not failed." : string.Empty);
        return new ValidationResult(ValidationCheckNames.RowCountTrend, null, status, deviation, threshold, message);
    }

    private static ValidationResult NoBaseline(long rowCount, string reason) => new(
        ValidationCheckNames.RowCountTrend,
        null,
        ValidationStatus.Pass,
        null,
        null,
        Invariant($"{rowCount} rows; no baseline: {reason}."));

    private static double Median(IReadOnlyCollection<long> counts)
    {
        var sorted = counts.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + (double)sorted[middle]) / 2;
    }
}

using Backfill.Core.Drift;
using static System.FormattableString;

namespace Backfill.Core.Validation;

/// <summary>
/// Validates each numeric feature's distribution against a reference by PSI: the same partition of the
/// published feature version before a flip, or the trailing window for a daily run.
/// </summary>
public static class DriftRule
{
    /// <summary>
    /// Checks every numeric column of <paramref name="candidate"/> — one with a numeric profile on either side —
    /// against the same column of <paramref name="reference"/>.
    /// </summary>
    /// <param name="reference">The profile compared against; its histograms' edges are the candidate's.</param>
    /// <param name="candidate">The staged commit's profile.</param>
    /// <param name="thresholds">The dataset's thresholds, including the features expected to drift.</param>
    /// <returns>One result per numeric column, in the candidate's column order.</returns>
    /// <exception cref="ArgumentException">A column's two histograms were counted with different edges.</exception>
    public static IReadOnlyList<ValidationResult> Check(
        PartitionProfile reference, PartitionProfile candidate, ValidationThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(thresholds);
        return [.. candidate.Columns
            .Select(column => (column.Name, Reference: reference.Column(column.Name)?.Numeric, Candidate: column.Numeric))
            .Where(pair => pair.Reference is not null || pair.Candidate is not null)
            .Select(pair => CheckFeature(pair.Name, pair.Reference, pair.Candidate, thresholds))];
    }

    /// <summary>
    /// Checks every numeric column of <paramref name="candidate"/> against one or more stored reference profiles:
    /// the same day of the previous feature version (one profile), or the trailing committed partitions (pooled
    /// with <see cref="NumericProfile.Pool"/>). Both sides are binned from their stored sketches at the pooled
    /// reference's quantile edges, so no data file is read.
    /// </summary>
    /// <param name="references">The reference profiles; empty when there is no reference yet (every column passes, saying so).</param>
    /// <param name="candidate">The staged commit's profile.</param>
    /// <param name="thresholds">The dataset's thresholds, including the features expected to drift.</param>
    /// <returns>One result per numeric column of the candidate, in column order.</returns>
    public static IReadOnlyList<ValidationResult> CheckAgainst(
        IReadOnlyCollection<PartitionProfile> references, PartitionProfile candidate, ValidationThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(thresholds);
        return [.. candidate.Columns.Where(column => column.Numeric is not null).Select(column =>
        {
            var sides = references.Select(reference => reference.Column(column.Name)?.Numeric)
                .Where(numeric => numeric?.Sketch is not null).Select(numeric => numeric!).ToList();
            if (sides.Count == 0 || column.Numeric!.Sketch is null)
            {
                return CheckFeature(column.Name, null, column.Numeric, thresholds);
            }

            var reference = NumericProfile.Pool(sides);
            return CheckFeature(column.Name, reference, column.Numeric.Rebin(reference.Histogram.Edges), thresholds);
        })];
    }

    /// <summary>
    /// Checks one numeric feature: warn at PSI ≥ <see cref="ValidationThresholds.PsiWarn"/>, fail at
    /// ≥ <see cref="ValidationThresholds.PsiFail"/> when a chi-square test of the two histograms is significant at
    /// <see cref="ValidationThresholds.SignificanceLevel"/> for their sample sizes — but a feature in
    /// <see cref="ValidationThresholds.ExpectedToDrift"/> warns at most. The message reports the mean, std and
    /// quantile shifts.
    /// </summary>
    /// <param name="feature">The feature (column) name.</param>
    /// <param name="reference">The reference profile; <see langword="null"/> when the reference has no values.</param>
    /// <param name="candidate">The candidate profile; <see langword="null"/> when the candidate has no values.</param>
    /// <param name="thresholds">The dataset's thresholds.</param>
    /// <returns>
    /// Observed is the PSI. When either side has no values there is nothing to compare: pass with a message
    /// saying so, since the row count and null rate checks judge missing values.
    /// </returns>
    /// <exception cref="ArgumentException">The two histograms were counted with different edges.</exception>
    public static ValidationResult CheckFeature(
        string feature, NumericProfile? reference, NumericProfile? candidate, ValidationThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (reference is null || candidate is null)
        {
            var side = reference is null ? "the reference" : "the candidate";
            return new ValidationResult(
                ValidationCheckNames.Drift, feature, ValidationStatus.Pass, null, null,
                $"No drift computed for '{feature}': {side} has no values.");
        }

        var psi = Psi.Compute(reference.Histogram, candidate.Histogram);
        var fewest = Math.Min(reference.Summary.Count, candidate.Summary.Count);
        var tooFew = fewest < thresholds.MinDriftValues;
        var expected = thresholds.ExpectedToDrift.Contains(feature);

        // PSI has a sampling spread of its own (≈ χ²(bins−1)·(1/n + 1/m) under no drift): only a PSI the two
        // sample sizes cannot explain at the significance level fails, so small partitions do not fail on noise.
        var test = HomogeneityTest.Test(reference.Histogram, candidate.Histogram, reference.Summary.Count, candidate.Summary.Count);
        var noise = test.PValue >= thresholds.SignificanceLevel;
        var (status, threshold) = psi >= thresholds.PsiFail
            ? (expected || tooFew || noise ? ValidationStatus.Warn : ValidationStatus.Fail, thresholds.PsiFail)
            : psi >= thresholds.PsiWarn
                ? (ValidationStatus.Warn, thresholds.PsiWarn)
                : (ValidationStatus.Pass, thresholds.PsiWarn);
        var note = expected
            ? " Expected to drift: reported, never failed."
            : tooFew
                ? Invariant($" Only {fewest} values on one side, fewer than {thresholds.MinDriftValues}: reported, not failed.")
                : psi >= thresholds.PsiFail && noise
                    ? Invariant($" Within sampling noise of {candidate.Summary.Count} and {reference.Summary.Count} values (p {test.PValue:0.####} ≥ {thresholds.SignificanceLevel:0.####}): reported, not failed.")
                    : string.Empty;
        var message = Invariant($"PSI {psi:0.####} for '{feature}'; warn at {thresholds.PsiWarn:0.##}, fail at {thresholds.PsiFail:0.##} ")
            + Invariant($"when significant (χ² {test.Statistic:0.#} on {test.DegreesOfFreedom} df, p {test.PValue:0.####}, α {thresholds.SignificanceLevel:0.####}). ")
            + $"Shift: {SummaryShift.Between(reference.Summary, candidate.Summary)}.{note}";
        return new ValidationResult(ValidationCheckNames.Drift, feature, status, psi, threshold, message);
    }
}

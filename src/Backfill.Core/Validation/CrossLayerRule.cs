using static System.FormattableString;

namespace Backfill.Core.Validation;

/// <summary>
/// Validates that a layer's counts agree with the layer it was built from: a build may filter and
/// de-duplicate, never invent.
/// </summary>
public static class CrossLayerRule
{
    /// <summary>Fails when features has more entities than staging has distinct entities in the feature window.</summary>
    /// <param name="featuresEntities">The entities in the features partition.</param>
    /// <param name="stagingEntitiesInWindow">The distinct entities over the staging days the window reads.</param>
    /// <returns>Observed is the features entities; the threshold is the staging entities.</returns>
    public static ValidationResult CheckFeaturesEntities(long featuresEntities, long stagingEntitiesInWindow) =>
        AtMost(
            ValidationCheckNames.FeaturesEntities,
            featuresEntities,
            "features entities",
            stagingEntitiesInWindow,
            "distinct staging entities in the window");

    /// <summary>Fails when staging has more rows than raw: staging only cleans and de-duplicates raw.</summary>
    /// <param name="stagingRows">The rows in the staging partition.</param>
    /// <param name="rawRows">The rows in the raw partition of the same day.</param>
    /// <returns>Observed is the staging rows; the threshold is the raw rows.</returns>
    public static ValidationResult CheckStagingRows(long stagingRows, long rawRows) =>
        AtMost(ValidationCheckNames.StagingRows, stagingRows, "staging rows", rawRows, "raw rows");

    /// <summary>
    /// Fails unless raw rows plus quarantined events equal the lines landed for the day: every landed line is
    /// either kept or quarantined with a reason, never lost.
    /// </summary>
    /// <param name="rawRows">The rows in the raw partition.</param>
    /// <param name="quarantined">The events of the day sent to quarantine.</param>
    /// <param name="landedLines">The lines landed for the day.</param>
    /// <returns>Observed is raw rows plus quarantined; the threshold is the landed lines.</returns>
    public static ValidationResult CheckLandedLines(long rawRows, long quarantined, long landedLines)
    {
        var accounted = rawRows + quarantined;
        var (status, verdict) = accounted == landedLines
            ? (ValidationStatus.Pass, "every landed line is accounted for")
            : (ValidationStatus.Fail, Invariant($"{landedLines - accounted} landed lines unaccounted for"));
        return new ValidationResult(
            ValidationCheckNames.LandedLines, null, status, accounted, landedLines,
            Invariant($"{rawRows} raw rows + {quarantined} quarantined = {accounted}, {landedLines} landed lines: {verdict}."));
    }

    private static ValidationResult AtMost(string name, long observed, string observedLabel, long bound, string boundLabel)
    {
        var (status, relation) = observed <= bound
            ? (ValidationStatus.Pass, "at most")
            : (ValidationStatus.Fail, "more than");
        return new ValidationResult(
            name, null, status, observed, bound, Invariant($"{observed} {observedLabel}: {relation} the {bound} {boundLabel}."));
    }
}

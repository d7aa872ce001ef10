namespace Backfill.Core.Validation;

/// <summary>
/// The checks that compare a staged commit with other partitions: row count trend and null rate against the
/// trailing baseline, and drift against the previous feature version's same day or else the trailing baseline.
/// Each result names the partitions it compared with (<see cref="ValidationResult.Baseline"/>), so a verdict is a
/// function of the commit's profile and of those named commits only.
/// </summary>
public static class BaselineChecks
{
    /// <summary>Runs the comparisons.</summary>
    /// <param name="candidate">The staged commit's profile.</param>
    /// <param name="trailing">The trailing baseline: partitions before the day, newest first; empty when there is none.</param>
    /// <param name="previousVersion">For a features commit, the same day of the previous feature version, when there is one.</param>
    /// <param name="declared">The dataset's declared columns (nullability).</param>
    /// <param name="thresholds">The dataset's thresholds.</param>
    /// <param name="checkDrift">Whether the dataset's numeric columns are features whose drift is checked.</param>
    /// <param name="warmUp">Why the trailing comparison does not hold for this commit (fails become warns); null when it does.</param>
    /// <returns>Row count trend, null rate per column, then drift per numeric column when <paramref name="checkDrift"/>.</returns>
    public static IReadOnlyList<ValidationResult> Check(
        PartitionProfile candidate,
        IReadOnlyList<BaselinePartition> trailing,
        BaselinePartition? previousVersion,
        IReadOnlyList<ColumnSchema> declared,
        ValidationThresholds thresholds,
        bool checkDrift,
        string? warmUp)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(trailing);
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(thresholds);
        IReadOnlyList<string> trailingIds = [.. trailing.Select(partition => partition.Id)];
        IReadOnlyList<PartitionProfile> trailingProfiles = [.. trailing.Select(partition => partition.Profile)];
        var results = new List<ValidationResult>();

        var trend = RowCountRule.CheckTrend(candidate.RowCount, [.. trailingProfiles.Select(profile => profile.RowCount)], thresholds)
            with { Baseline = trailingIds };
        results.AddRange(warmUp is null ? [trend] : ReportOnly.Apply([trend], warmUp));

        // A non-nullable column is held to zero nulls, not to the baseline.
        var nonNullable = declared.Where(column => !column.IsNullable).Select(column => column.Name).ToHashSet(StringComparer.Ordinal);
        results.AddRange(NullRateRule.Check(candidate, trailingProfiles, declared, thresholds)
            .Select(result => nonNullable.Contains(result.Column!) ? result : result with { Baseline = trailingIds }));

        if (checkDrift)
        {
            var references = previousVersion is null ? trailing : [previousVersion];
            IReadOnlyList<string> referenceIds = [.. references.Select(partition => partition.Id)];
            var drift = DriftRule.CheckAgainst([.. references.Select(partition => partition.Profile)], candidate, thresholds)
                .Select(result => result with { Baseline = referenceIds });

            // The same day of the previous version read the same staging days, so it compares even in the warm-up.
            results.AddRange(previousVersion is null && warmUp is not null ? ReportOnly.Apply(drift, warmUp) : drift);
        }

        return results;
    }
}

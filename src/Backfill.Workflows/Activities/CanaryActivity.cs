using Backfill.Core.Drift;
using Backfill.Core.Features;
using Backfill.Core.Validation;
using Backfill.Storage.Commits;
using Backfill.Storage.Reading;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Models;
using Backfill.Workflows.Pipeline;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Activities;

/// <summary>
/// The canary: right before a flip, each sampled partition of the target version is read back through the
/// reader training uses (schema and every row) and each numeric feature's distribution is compared by PSI with
/// the same day of the current version. Features whose definition changed between the versions are expected
/// to drift: reported, never failed. Both days are read a bucket at a time, so a day of any size costs one bucket's
/// rows in memory: the reference's bucket profiles merge into one, and the target's buckets are counted into its bins.
/// </summary>
public sealed class CanaryActivity(LakeReady lakeReady, IOptions<ValidationSettings> settings) : TaskActivity<CanaryRequest, CanaryReport>
{
    /// <inheritdoc />
    public override async Task<CanaryReport> RunAsync(TaskActivityContext context, CanaryRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reader = new PartitionReader(await lakeReady.GetAsync().ConfigureAwait(false));
        var target = FeatureVersions.Get(input.Target);
        var current = FeatureVersions.Get(input.Current);
        // The target's own thresholds, plus whatever changed between the two versions (they need not be adjacent).
        var thresholds = settings.Value.ThresholdsFor(target.Name);
        var drift = thresholds with { ExpectedToDrift = thresholds.ExpectedToDrift.Union(FeatureVersions.ChangedFeatures(current, target)).ToHashSet(StringComparer.Ordinal) };

        // One comparison per feature both versions have; a feature new in the target has no reference to drift from.
        var shared = target.Features.Select((feature, i) => (feature.Name, Target: i, Current: current.Features.Select(f => f.Name).ToList().IndexOf(feature.Name)))
            .Where(feature => feature.Current >= 0).ToList();
        var days = new List<CanaryDay>();
        foreach (var day in input.Days)
        {
            var commit = await reader.GetLiveCommitAsync(target.Name, day, CancellationToken.None).ConfigureAwait(false);
            if (commit is null)
            {
                var missing = new ValidationResult(ValidationCheckNames.RowsRead, null, ValidationStatus.Fail, null, null, $"{target.Name}/{day} has no live commit.");
                days.Add(new CanaryDay(day, null, ValidationStatus.Fail, [missing]));
                continue;
            }

            var reference = await reader.GetLiveCommitAsync(current.Name, day, CancellationToken.None).ConfigureAwait(false);
            var references = reference is null ? null : await ReferencesAsync(reader, reference, current, [.. shared.Select(f => f.Current)]).ConfigureAwait(false);
            var candidates = shared.Select(_ => new List<NumericProfile>()).ToList();
            long rowsRead = 0;
            foreach (var scope in PartitionReader.ScopesOf(commit))
            {
                var rows = await reader.ReadFeaturesAsync(commit, target, scope, CancellationToken.None).ConfigureAwait(false);
                rowsRead += rows.Count;
                for (var k = 0; k < shared.Count && rows.Count > 0; k++)
                {
                    if (references?[k] is { } against)
                    {
                        candidates[k].Add(NumericProfile.Against([.. rows.Select(row => row.Values[shared[k].Target])], against.Histogram.Edges));
                    }
                }
            }

            var results = new List<ValidationResult>
            {
                DownstreamReadRule.CheckSchema(FeatureReader.Columns(target), await reader.ReadFeatureColumnsAsync(commit, CancellationToken.None).ConfigureAwait(false)),
                DownstreamReadRule.CheckRowsRead(commit.RowCount, rowsRead),
            };
            if (references is not null)
            {
                results.AddRange(shared.Select((feature, k) => DriftRule.CheckFeature(
                    feature.Name, references[k], references[k] is null || candidates[k].Count == 0 ? null : NumericProfile.MergeAgainst(candidates[k]), drift)));
            }

            days.Add(new CanaryDay(day, commit.CommitId, results.Max(r => r.Status), results));
        }

        return new CanaryReport(days);
    }

    // The reference day's profile of each feature (by its column in the current version), merged from its buckets' own;
    // null for a feature with no value.
    private static async Task<IReadOnlyList<NumericProfile?>> ReferencesAsync(
        PartitionReader reader, CommitRecord reference, FeatureVersion current, IReadOnlyList<int> columns)
    {
        var parts = columns.Select(_ => new List<NumericProfile>()).ToList();
        foreach (var scope in PartitionReader.ScopesOf(reference))
        {
            var rows = await reader.ReadFeaturesAsync(reference, current, scope, CancellationToken.None).ConfigureAwait(false);
            for (var k = 0; k < columns.Count && rows.Count > 0; k++)
            {
                parts[k].Add(NumericProfile.OfReference([.. rows.Select(row => row.Values[columns[k]])]));
            }
        }

        return [.. parts.Select(part => part.Count == 0 ? null : NumericProfile.Merge(part))];
    }
}

using Backfill.Core.Drift;
using Backfill.Core.Features;
using Backfill.Core.Validation;
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
/// to drift: reported, never failed.
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

            var rows = await reader.ReadFeaturesAsync(commit, target, CancellationToken.None).ConfigureAwait(false);
            var results = new List<ValidationResult>
            {
                DownstreamReadRule.CheckSchema(FeatureReader.Columns(target), await reader.ReadFeatureColumnsAsync(commit, CancellationToken.None).ConfigureAwait(false)),
                DownstreamReadRule.CheckRowsRead(commit.RowCount, rows.Count),
            };
            if (await reader.GetLiveCommitAsync(current.Name, day, CancellationToken.None).ConfigureAwait(false) is { } reference)
            {
                var referenceRows = await reader.ReadFeaturesAsync(reference, current, CancellationToken.None).ConfigureAwait(false);
                results.AddRange(Drift(current, referenceRows, target, rows, drift));
            }

            days.Add(new CanaryDay(day, commit.CommitId, results.Max(r => r.Status), results));
        }

        return new CanaryReport(days);
    }

    // One result per feature both versions have; a feature new in the target has no reference to drift from.
    private static IEnumerable<ValidationResult> Drift(
        FeatureVersion current, IReadOnlyList<FeatureRow> referenceRows, FeatureVersion target, IReadOnlyList<FeatureRow> rows, ValidationThresholds thresholds)
    {
        for (var i = 0; i < target.Features.Count; i++)
        {
            var name = target.Features[i].Name;
            var r = current.Features.Select(f => f.Name).ToList().IndexOf(name);
            if (r < 0)
            {
                continue;
            }

            var referenceValues = referenceRows.Select(row => row.Values[r]).ToList();
            var candidateValues = rows.Select(row => row.Values[i]).ToList();
            var reference = referenceValues.Count == 0 ? null : NumericProfile.OfReference(referenceValues);
            var candidate = reference is null || candidateValues.Count == 0 ? null : NumericProfile.Against(candidateValues, reference.Histogram.Edges);
            yield return DriftRule.CheckFeature(name, reference, candidate, thresholds);
        }
    }
}

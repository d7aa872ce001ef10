using Backfill.Core.Features;
using Backfill.Core.Validation;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Reading;

namespace Backfill.Workflows.Pipeline;

/// <summary>
/// The checks every staged commit passes before it may be published: row count within bounds,
/// key uniqueness (event_id in staging, entity_id + date in features), and a downstream read test
/// that reads the staged files back through the reader training uses and gets every row.
/// A fail keeps the previous commit live.
/// </summary>
public sealed class PartitionGate(LakeReady lakeReady, ValidationThresholds thresholds) : ICommitValidator
{
    /// <inheritdoc />
    public async Task<PartitionValidationReport> ValidateAsync(StagedCommit staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        var commit = staged.Commit;
        var reader = new PartitionReader(await lakeReady.GetAsync().ConfigureAwait(false));
        var results = new List<ValidationResult> { RowCountRule.CheckBounds(commit.RowCount, thresholds) };
        long rowsRead;
        switch (commit.Dataset)
        {
            case Datasets.Raw:
                rowsRead = (await reader.ReadEventsAsync(commit, cancellationToken).ConfigureAwait(false)).Count;
                break;
            case Datasets.Staging:
                var events = await reader.ReadEventsAsync(commit, cancellationToken).ConfigureAwait(false);
                rowsRead = events.Count;
                results.Add(KeyUniquenessRule.Check(Duplicates(["event_id"], events.Select(e => e.Event.EventId))));
                break;
            default:
                var rows = await reader.ReadFeaturesAsync(commit, FeatureVersions.Get(commit.Dataset), cancellationToken).ConfigureAwait(false);
                rowsRead = rows.Count;
                results.Add(KeyUniquenessRule.Check(Duplicates(["entity_id", "date"], rows.Select(r => $"{r.EntityId}|{r.Date:yyyy-MM-dd}"))));
                break;
        }

        results.Add(DownstreamReadRule.CheckRowsRead(commit.RowCount, rowsRead));
        return new PartitionValidationReport(results);
    }

    private static DuplicateKeys Duplicates(IReadOnlyList<string> columns, IEnumerable<string> keys)
    {
        var repeated = keys.CountBy(k => k, StringComparer.Ordinal).Where(k => k.Value > 1).ToList();
        return new DuplicateKeys(columns, repeated.Sum(k => k.Value - 1L), repeated.Count > 0 ? repeated[0].Key : null);
    }
}

using Backfill.Core.Buckets;
using Backfill.Core.Features;
using Backfill.Core.Partitions;
using Backfill.Core.Validation;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Layout;
using Backfill.Storage.Lineage;
using Backfill.Storage.Parquet;
using Backfill.Storage.Reading;

namespace Backfill.Storage.Validation;

/// <summary>
/// The validation gate of a staged commit: every check of the pure rules in <c>Backfill.Core.Validation</c>, on
/// what is read back from the staged files and on the profiles stored with earlier commits, taken as they were at
/// the run's baseline time (<see cref="PinnedBaseline"/>), so the verdict never depends on which partitions of the
/// same run are already done. Row count against
/// absolute bounds and the trailing median; null rate per column against the trailing baseline and the declared
/// nullability; key uniqueness (event_id in staging, entity_id + date in features); drift per numeric feature
/// against the same day of the previous feature version when it is committed, else the trailing window; the
/// downstream read test (schema and rows through the reader training uses); cross-layer counts against the
/// inputs the commit's lineage names. The commit's profile is stored next to it for later baselines.
/// </summary>
public sealed class PartitionValidator : ICommitValidator
{
    // How far back the trailing baseline looks, in multiples of the partitions it wants: a gap of missing days
    // shortens the baseline rather than making the lookup unbounded.
    private const int LookbackFactor = 2;

    private readonly PartitionReader _reader;
    private readonly PartitionProfileStore _profiles;
    private readonly PinnedBaseline _baseline;
    private readonly Func<string, ValidationThresholds> _thresholdsFor;

    /// <summary>Creates the validator.</summary>
    /// <param name="lake">The shared storage handle.</param>
    /// <param name="thresholdsFor">The thresholds of a dataset, by dataset name.</param>
    public PartitionValidator(LakeStorage lake, Func<string, ValidationThresholds> thresholdsFor)
    {
        ArgumentNullException.ThrowIfNull(lake);
        ArgumentNullException.ThrowIfNull(thresholdsFor);
        _reader = new PartitionReader(lake);
        _profiles = new PartitionProfileStore(lake);
        _baseline = new PinnedBaseline(_reader, new LineageStore(lake), _profiles);
        _thresholdsFor = thresholdsFor;
    }

    /// <inheritdoc />
    public async Task<PartitionValidationReport> ValidateAsync(StagedCommit staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        var readBack = await ReadFilesBackAsync(staged.Commit, null, cancellationToken).ConfigureAwait(false);
        return await JudgeAsync(staged.Commit, readBack, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<ReadBack> ReadBackAsync(CommitRecord bucket, BucketScope scope, CancellationToken cancellationToken) =>
        ReadFilesBackAsync(bucket, scope, cancellationToken);

    // Reads a staged commit's files back through the reader training uses (or one bucket's files and the matching
    // share of its inputs): the schema, the rows, the keys, the entities and the profile.
    private async Task<ReadBack> ReadFilesBackAsync(CommitRecord commit, BucketScope? scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var features = FeaturesOf(commit);
        var (file, declared) = Declared(features);
        var schema = DownstreamReadRule.CheckSchema(declared, await _reader.ReadSchemaAsync(commit, file, cancellationToken).ConfigureAwait(false));
        if (schema.Status == ValidationStatus.Fail)
        {
            // Reading rows as the declared schema would throw or mislabel columns; the schema result says why.
            return new ReadBack(schema, null, null, null, null, null, null);
        }

        if (features is not null)
        {
            var rows = await _reader.ReadFeaturesAsync(commit, features, cancellationToken).ConfigureAwait(false);
            return new ReadBack(
                schema,
                rows.Count,
                Duplicates(["entity_id", "date"], rows.Select(r => $"{r.EntityId}|{r.Date:yyyy-MM-dd}")),
                rows.Select(r => r.EntityId).Distinct(StringComparer.Ordinal).LongCount(),
                await StagingEntitiesAsync(commit, scope, cancellationToken).ConfigureAwait(false),
                null,
                PartitionProfiles.OfFeatures(features, rows));
        }

        var events = await _reader.ReadEventsAsync(commit, cancellationToken).ConfigureAwait(false);
        var staging = commit.Dataset == Datasets.Staging;
        return new ReadBack(
            schema,
            events.Count,
            staging ? Duplicates(["event_id"], events.Select(e => e.Event.EventId)) : null,
            null,
            null,
            staging ? null : await QuarantinedAsync(commit, cancellationToken).ConfigureAwait(false),
            PartitionProfiles.OfEvents(events));
    }

    /// <inheritdoc />
    /// <remarks>
    /// Bounds, schema, rows, keys and cross-layer counts, then the baseline checks against the profiles of earlier
    /// commits. Stores the commit's profile for later baselines.
    /// </remarks>
    public async Task<PartitionValidationReport> JudgeAsync(CommitRecord commit, ReadBack readBack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(readBack);
        var thresholds = _thresholdsFor(commit.Dataset);
        var features = FeaturesOf(commit);
        var declared = Declared(features).Columns;
        List<ValidationResult> results = [RowCountRule.CheckBounds(commit.RowCount, thresholds), readBack.Schema];
        if (readBack is not { RowsRead: { } rowsRead, Profile: { } profile })
        {
            results.Add(DownstreamReadRule.Unreadable(commit.RowCount, "the schema differs from the declared one"));
            return new PartitionValidationReport(results);
        }

        // A features partition whose window reaches before the first committed staging day (the warm-up at the
        // start of history) differs from a full window's by construction: it is compared with any trailing
        // partition and only reported; a full-window partition is compared with full-window partitions only.
        var warmUp = features is null ? null : WarmUp(commit, features);
        Func<CommitRecord, bool> comparable = features is null || warmUp is not null ? _ => true : trailingCommit => WarmUp(trailingCommit, features) is null;
        var asOf = commit.Lineage.BaselineAsOf;
        var trailing = TrailingAsync(commit.Dataset, commit.Partition, asOf, thresholds.BaselinePartitions, comparable, cancellationToken);
        results.Add(DownstreamReadRule.CheckRowsRead(commit.RowCount, rowsRead));
        if (readBack.Duplicates is { } duplicates)
        {
            results.Add(KeyUniquenessRule.Check(duplicates));
        }

        if (features is not null)
        {
            results.Add(CrossLayerRule.CheckFeaturesEntities(readBack.Entities ?? 0, readBack.UpstreamEntities ?? 0));
        }
        else if (commit.Dataset == Datasets.Staging)
        {
            results.Add(await CheckStagingRowsAsync(commit, rowsRead, cancellationToken).ConfigureAwait(false));
        }
        else if (commit.LandedLines is { } landed)
        {
            results.Add(CrossLayerRule.CheckLandedLines(rowsRead, readBack.Quarantined ?? 0, landed));
        }

        await _profiles.WriteAsync(commit, profile, cancellationToken).ConfigureAwait(false);

        // The same day of the previous version: the reference of a version switch, as live at the baseline time.
        var previous = features is not null && FeatureVersions.Previous(features) is { } previousVersion
            ? await _baseline.PartitionOfAsync(
                await _baseline.CommitAtAsync(previousVersion.Name, commit.Partition, asOf, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)
            : null;
        results.AddRange(BaselineChecks.Check(
            profile, await trailing.ConfigureAwait(false), previous, declared, thresholds, features is not null, warmUp));
        return new PartitionValidationReport(results);
    }

    private static FeatureVersion? FeaturesOf(CommitRecord commit) =>
        commit.Dataset is Datasets.Raw or Datasets.Staging ? null : FeatureVersions.Get(commit.Dataset);

    // The file whose schema is checked and the columns it declares: the events file, or the features file.
    private static (string File, IReadOnlyList<ColumnSchema> Columns) Declared(FeatureVersion? features) => features is null
        ? (EventParquet.FileName, EventParquet.Columns)
        : (FeatureParquet.FileName, new FeatureParquet(features).Columns);

    private async Task<long> QuarantinedAsync(CommitRecord commit, CancellationToken cancellationToken) =>
        commit.QuarantinedCount == 0 ? 0 : (await _reader.ReadQuarantineAsync(commit, cancellationToken).ConfigureAwait(false)).Count;

    /// <summary>
    /// The newest <paramref name="count"/> partitions before <paramref name="day"/> that were live at
    /// <paramref name="asOf"/> with a profile, newest first, looking back at most <see cref="LookbackFactor"/> times as
    /// many days.
    /// </summary>
    private async Task<IReadOnlyList<BaselinePartition>> TrailingAsync(
        string dataset, Day day, DateTimeOffset? asOf, int count, Func<CommitRecord, bool> comparable, CancellationToken cancellationToken)
    {
        var days = Enumerable.Range(1, count * LookbackFactor).Select(back => day.AddDays(-back));
        var found = await Task.WhenAll(days.Select(async earlier =>
            await _baseline.CommitAtAsync(dataset, earlier, asOf, cancellationToken).ConfigureAwait(false) is { } commit && comparable(commit)
                ? await _baseline.PartitionOfAsync(commit, cancellationToken).ConfigureAwait(false)
                : null)).ConfigureAwait(false);
        return [.. found.OfType<BaselinePartition>().Take(count)];
    }

    private async Task<ValidationResult> CheckStagingRowsAsync(CommitRecord commit, long stagingRows, CancellationToken cancellationToken)
    {
        // The raw commit the build read, by id; a commit whose lineage names none is held to the live raw.
        var raw = commit.Lineage.Inputs.FirstOrDefault(input => input.Dataset == Datasets.Raw);
        var rawCommit = raw is null
            ? await _reader.GetLiveCommitAsync(Datasets.Raw, commit.Partition, cancellationToken).ConfigureAwait(false)
            : await _reader.GetCommitAsync(raw.Dataset, raw.Partition, raw.CommitId, cancellationToken).ConfigureAwait(false);
        return CrossLayerRule.CheckStagingRows(stagingRows, rawCommit?.RowCount ?? 0);
    }

    private async Task<long> StagingEntitiesAsync(CommitRecord commit, BucketScope? scope, CancellationToken cancellationToken)
    {
        // The staging commits the build read, by id: the window as it was, even if a day was republished since.
        var rollups = await Task.WhenAll(commit.Lineage.Inputs.Where(input => input.Dataset == Datasets.Staging).Select(async input =>
        {
            var staging = await _reader.GetCommitAsync(input.Dataset, input.Partition, input.CommitId, cancellationToken).ConfigureAwait(false);
            return await _reader.ReadRollupsAsync(staging, scope, cancellationToken).ConfigureAwait(false);
        })).ConfigureAwait(false);
        return rollups.SelectMany(day => day.EntityIds).Distinct(StringComparer.Ordinal).LongCount();
    }

    /// <summary>Why a features commit is in the warm-up (its build read fewer staging days than its window); null when it is not.</summary>
    private static string? WarmUp(CommitRecord commit, FeatureVersion features)
    {
        var read = commit.Lineage.Inputs.Count(input => input.Dataset == Datasets.Staging);
        return read >= features.InputWindowDays
            ? null
            : $"input window incomplete ({read} of {features.InputWindowDays} staging days)";
    }

    private static DuplicateKeys Duplicates(IReadOnlyList<string> columns, IEnumerable<string> keys)
    {
        var repeated = keys.CountBy(k => k, StringComparer.Ordinal).Where(k => k.Value > 1).ToList();
        return new DuplicateKeys(columns, repeated.Sum(k => k.Value - 1L), repeated.Count > 0 ? repeated[0].Key : null);
    }
}

using System.Collections.Concurrent;
using Azure;
using Backfill.Core.Features;
using Backfill.Core.Partitions;
using Backfill.Core.Reports;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Layout;
using Backfill.Storage.Lineage;
using Backfill.Storage.Reading;

namespace Backfill.Storage.Reports;

/// <summary>
/// Reads a backfill's repair report from the lake: its publishes from lineage (compared with the commits they
/// superseded, whose files the manifest history keeps from collection), the other partitions' manifests as they are now,
/// and the downstream partitions whose live commit read a commit it replaced. Reads only: nothing to crash between.
/// </summary>
public sealed class RepairReportReader
{
    /// <summary>The most published partitions whose files one report reads for deltas (two files each).</summary>
    public const int MaxDeltaPartitions = 400;

    private const int Concurrency = 8;

    private readonly PartitionReader _reader;
    private readonly LineageStore _lineage;

    /// <summary>Creates the reader.</summary>
    /// <param name="lake">The shared storage handle.</param>
    public RepairReportReader(LakeStorage lake)
    {
        ArgumentNullException.ThrowIfNull(lake);
        _reader = new PartitionReader(lake);
        _lineage = new LineageStore(lake);
    }

    /// <summary>Reads the report.</summary>
    /// <param name="request">The backfill and the context range.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The report.</returns>
    public async Task<RepairReport> ReadAsync(RepairReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entries = new Dictionary<string, ILookup<Day, LineageEntry>>(StringComparer.Ordinal);
        foreach (var dataset in request.Datasets)
        {
            entries[dataset] = (await _lineage.ListRangeAsync(dataset, request.First, request.Last, cancellationToken).ConfigureAwait(false))
                .ToLookup(e => e.Partition);
        }

        var untouchedDays = request.Datasets.SelectMany(d => request.Context.EachDay().Select(day => (Dataset: d, Day: day)))
            .Where(p => !PublishedBy(request.RunId, entries[p.Dataset][p.Day]).Any()).ToList();
        var evidence = await ReadManyAsync(untouchedDays, p => _reader.GetManifestEvidenceAsync(p.Dataset, p.Day, cancellationToken), cancellationToken).ConfigureAwait(false);

        // A live commit of this run whose lineage row still says staged: the publish stopped between its manifest write
        // and its lineage write, so the manifest (the truth readers follow) counts it as published.
        bool LiveOfRun(LineageEntry e) => evidence.GetValueOrDefault((e.Dataset, e.Partition))?.CommitId == e.CommitId;
        var order = request.Datasets.ToList();
        var published = request.Datasets
            .SelectMany(d => entries[d].SelectMany(day => PublishedBy(request.RunId, day).Concat(day.Where(e => e.RunId == request.RunId && LiveOfRun(e)))))
            .OrderBy(e => order.IndexOf(e.Dataset)).ThenBy(e => e.Partition).ThenBy(e => e.CommitId, StringComparer.Ordinal)
            .ToList();
        var publishedKeys = published.Select(e => (e.Dataset, e.Partition)).ToHashSet();
        var live = await ReadManyAsync(publishedKeys, p => _reader.GetManifestAsync(p.Dataset, p.Partition, cancellationToken), cancellationToken).ConfigureAwait(false);

        var deltas = await ReadManyAsync(
            published.Select((entry, index) => (entry, index)),
            p => DeltaAsync(p.entry, entries[p.entry.Dataset][p.entry.Partition], p.index < MaxDeltaPartitions, live[(p.entry.Dataset, p.entry.Partition)]?.Commit.CommitId, cancellationToken),
            cancellationToken).ConfigureAwait(false);

        var untouched = untouchedDays.Where(p => !publishedKeys.Contains(p))
            .Select(p => new UntouchedPartition(p.Dataset, p.Day, UntouchedProof.Judge(evidence[p], request.StartedAt), evidence[p]))
            .ToList();
        var stale = await StaleAsync(publishedKeys, live, cancellationToken).ConfigureAwait(false);
        return new RepairReport([.. published.Select((entry, index) => deltas[(entry, index)])], untouched, stale);
    }

    private static IEnumerable<LineageEntry> PublishedBy(string runId, IEnumerable<LineageEntry> commits) =>
        commits.Where(e => e.RunId == runId && e.PublishedAt is not null);

    private async Task<PublishedPartition> DeltaAsync(
        LineageEntry entry, IEnumerable<LineageEntry> partitionCommits, bool read, string? liveNow, CancellationToken cancellationToken)
    {
        var previousId = entry.PreviousCommitId;
        var rowsBefore = previousId is null ? null : partitionCommits.FirstOrDefault(e => e.CommitId == previousId)?.RowCount;
        PublishedPartition Result(DeltaBasis basis, long? before, RowChanges? changes, IReadOnlyList<FeatureMeanShift>? shifts) =>
            new(entry.Dataset, entry.Partition, entry.CommitId, previousId, basis, before, entry.RowCount, entry.WriteMode, changes, shifts, liveNow);

        if (!read)
        {
            return Result(DeltaBasis.Omitted, rowsBefore, null, null);
        }

        var after = await _reader.GetCommitAsync(entry.Dataset, entry.Partition, entry.CommitId, cancellationToken).ConfigureAwait(false);
        CommitRecord? previous = null;
        if (previousId is not null)
        {
            try
            {
                previous = await _reader.GetCommitAsync(entry.Dataset, entry.Partition, previousId, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return Result(DeltaBasis.Collected, rowsBefore, null, null);
            }
        }

        var basis = previous is null ? DeltaBasis.New : DeltaBasis.Previous;
        var features = entry.Dataset is Datasets.Raw or Datasets.Staging ? null : FeatureVersions.Get(entry.Dataset);
        var meansAfter = features is null ? null : new FeatureMeans(features);
        var meansBefore = features is null || previous is null ? null : new FeatureMeans(features);
        var changes = new List<RowChanges>();

        // Bucket by bucket: a key (entity and event id, or entity and date) is in one bucket of both commits, so the parts'
        // changes add up to the day's, and the report holds one bucket of each commit at a time. Events are keyed by their
        // entity too because an event id may land under two entities, which lie in two buckets.
        foreach (var scope in PartitionReader.ScopesOf(after, previous))
        {
            if (features is null)
            {
                var newRows = await _reader.ReadEventsAsync(after, scope, cancellationToken).ConfigureAwait(false);
                var oldRows = previous is null ? [] : await _reader.ReadEventsAsync(previous, scope, cancellationToken).ConfigureAwait(false);
                changes.Add(RowChanges.Of(oldRows, newRows, row => (row.Event.EntityId, row.Event.EventId)));
                continue;
            }

            var newFeatures = await _reader.ReadFeaturesAsync(after, features, scope, cancellationToken).ConfigureAwait(false);
            var oldFeatures = previous is null ? [] : await _reader.ReadFeaturesAsync(previous, features, scope, cancellationToken).ConfigureAwait(false);
            changes.Add(RowChanges.Of(oldFeatures, newFeatures, row => row.Key));
            meansAfter!.Add(newFeatures);
            meansBefore?.Add(oldFeatures);
        }

        var shifts = features is null ? null : FeatureMeanShift.Of(features, meansBefore, meansAfter!);
        return Result(basis, previous?.RowCount, RowChanges.Sum(changes), shifts);
    }

    /// <summary>
    /// The partitions downstream of the published ones (staging of a raw day; every feature version's days whose window
    /// reads a staging day) whose live commit read an input the backfill published over: stale by the partitions grid's rule.
    /// </summary>
    private async Task<IReadOnlyList<StalePartition>> StaleAsync(
        HashSet<(string Dataset, Day Partition)> published,
        IReadOnlyDictionary<(string Dataset, Day Partition), PartitionManifest?> live,
        CancellationToken cancellationToken)
    {
        var candidates = published.SelectMany(p => p.Dataset switch
            {
                Datasets.Raw => [(Datasets.Staging, p.Partition)],
                Datasets.Staging => FeatureVersions.All.SelectMany(v => Enumerable.Range(0, v.InputWindowDays).Select(k => (v.Name, p.Partition.AddDays(k)))),
                _ => [],
            })
            .Where(c => !published.Contains(c))
            .ToHashSet();
        var manifests = await ReadManyAsync(candidates, c => _reader.GetManifestAsync(c.Item1, c.Item2, cancellationToken), cancellationToken).ConfigureAwait(false);
        string? LiveOf(string dataset, Day day) => live.GetValueOrDefault((dataset, day))?.Commit.CommitId;
        return [.. manifests
            .Where(m => m.Value is not null)
            .Select(m => (m.Key, m.Value!.Commit, Changed: PartitionStates.ChangedInputs(
                m.Value.Commit.Lineage.Inputs.Where(i => published.Contains((i.Dataset, i.Partition))), LiveOf)))
            .Where(s => s.Changed.Count > 0)
            .Select(s => new StalePartition(s.Key.Item1, s.Key.Item2, s.Commit.CommitId, s.Changed))
            .OrderBy(s => s.Dataset != Datasets.Staging).ThenBy(s => s.Dataset, StringComparer.Ordinal).ThenBy(s => s.Partition)];
    }

    private static async Task<IReadOnlyDictionary<TKey, TValue>> ReadManyAsync<TKey, TValue>(
        IEnumerable<TKey> keys, Func<TKey, Task<TValue>> read, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var found = new ConcurrentDictionary<TKey, TValue>();
        await Parallel.ForEachAsync(
            keys,
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (key, _) => found[key] = await read(key).ConfigureAwait(false)).ConfigureAwait(false);
        return found;
    }
}

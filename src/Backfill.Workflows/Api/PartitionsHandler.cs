using Backfill.Core.Features;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using Backfill.Core.Validation;
using Backfill.Storage.Backfills;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Lineage;
using Backfill.Storage.Reading;
using Backfill.Workflows.Json;
using Backfill.Workflows.Models;
using Backfill.Workflows.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Backfill.Workflows.Api;

/// <summary>
/// <c>GET /api/partitions/{dataset}?from=&amp;to=</c>: the state of every day of a dataset, from its manifests
/// (live commits), lineage (validation, rejected commits, inputs) and the engine's backfills (running and failed items).
/// </summary>
public sealed class PartitionsHandler(
    LakeReady lakeReady, BackfillItemStore items, BackfillList backfills, TimeProvider time, ILogger<PartitionsHandler> logger)
{
    /// <summary>The route.</summary>
    public const string Route = "partitions/{dataset}";

    /// <summary>Most days one request may name.</summary>
    public const int MaxDays = 120;

    /// <summary>Days shown when the request names no range.</summary>
    public const int DefaultDays = 30;

    // A commit published this recently may still be between its manifest write and its lineage write: only an
    // older one whose row does not say published was left so by a stopped process.
    private static readonly TimeSpan RepairGrace = TimeSpan.FromMinutes(1);

    /// <summary>The datasets the API knows, in pipeline order.</summary>
    public static IReadOnlyList<string> KnownDatasets { get; } = [Datasets.Raw, Datasets.Staging, .. FeatureVersions.All.Select(v => v.Name)];

    /// <summary>Validates the dataset and range, then reads and classifies each day.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, DurableTaskClient client, string dataset)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var cancellationToken = request.HttpContext.RequestAborted;
        if (!KnownDatasets.Contains(dataset, StringComparer.Ordinal))
        {
            return Problems.Invalid("dataset", $"dataset must be one of {string.Join(", ", KnownDatasets)}; got '{dataset}'.");
        }

        if (QueryDay.ReadRange(request, out var from, out var to) is { } malformed)
        {
            return malformed;
        }

        var lake = await lakeReady.GetAsync().ConfigureAwait(false);
        var lineage = new LineageStore(lake);
        if (to is null)
        {
            to = from?.AddDays(DefaultDays - 1)
                ?? await lineage.NewestDayAsync(dataset, cancellationToken).ConfigureAwait(false)
                ?? new Day(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        }

        from ??= to.Value.AddDays(1 - DefaultDays);
        if (to < from || to.Value.Date.DayNumber - from.Value.Date.DayNumber >= MaxDays)
        {
            return Problems.Invalid("to", $"to must be on or after from, and at most {MaxDays} days from it; got {from}..{to}.");
        }

        var days = Enumerable.Range(0, to.Value.Date.DayNumber - from.Value.Date.DayNumber + 1).Select(i => from.Value.AddDays(i)).ToList();
        var reader = new PartitionReader(lake);
        var manifests = await PartitionManifests.ReadAsync(reader, days.Select(d => (dataset, d)), cancellationToken).ConfigureAwait(false);
        var upstream = await PartitionManifests.ReadAsync(
            reader,
            manifests.Values.OfType<PartitionManifest>().SelectMany(m => m.Commit.Lineage.Inputs).Select(i => (i.Dataset, i.Partition)),
            cancellationToken).ConfigureAwait(false);
        var entries = (await lineage.ListRangeAsync(dataset, from.Value, to.Value, cancellationToken).ConfigureAwait(false))
            .ToLookup(e => e.Partition);
        var settled = time.GetUtcNow() - RepairGrace;
        var repairs = await lineage.RepairPublishedAsync(
            manifests.Values.OfType<PartitionManifest>()
                .Where(m => m.PublishedAt < settled)
                .Select(m => (m, entries[m.Commit.Partition].FirstOrDefault(e => e.CommitId == m.Commit.CommitId))),
            cancellationToken).ConfigureAwait(false);
        foreach (var repair in repairs)
        {
            Log.LineageRepairedByRead(logger, repair.Dataset, repair.Partition, repair.CommitId, repair.Was);
        }
        var activity = await BackfillActivityAsync(client, dataset, from.Value, to.Value, cancellationToken).ConfigureAwait(false);

        var views = days.Select(day => View(
            day,
            manifests.GetValueOrDefault((dataset, day)),
            entries[day].ToList(),
            activity.Running.GetValueOrDefault(day),
            activity.Failed.GetValueOrDefault(day),
            (d, p) => upstream.GetValueOrDefault((d, p))?.Commit.CommitId)).ToList();
        return Results.Json(new PartitionsView(dataset, from.Value.ToString(), to.Value.ToString(), views), ApiJson.Options);
    }

    private static PartitionDayView View(
        Day day,
        PartitionManifest? manifest,
        List<LineageEntry> entries,
        string? runningIn,
        BackfillItemRecord? failedItem,
        Func<string, Day, string?> liveCommitOf)
    {
        var live = manifest?.Commit;
        var liveEntry = live is null ? null : entries.Find(e => e.CommitId == live.CommitId);

        var rejected = RejectedCommits.NewestAfter(entries, live?.CommitId);
        DateTimeOffset? rejectedAt = rejected is null ? null : RejectedCommits.CreatedAt(rejected.CommitId);
        var failedAt = Latest(rejectedAt, failedItem?.FinishedAt);
        var changed = live is null ? [] : PartitionStates.ChangedInputs(live.Lineage.Inputs, liveCommitOf);
        var state = PartitionStates.Classify(new PartitionFacts(manifest?.PublishedAt, runningIn is not null, failedAt, changed.Count));
        var name = state.ToString().ToLowerInvariant();
        var date = day.ToString();

        switch (state)
        {
            case PartitionState.Failed when rejected is not null:
                var failures = rejected.ValidationResults.Where(r => r.Status == ValidationStatus.Fail).Select(r => $"{r.Name}: {r.Message}");
                return new PartitionDayView(
                    date, name, rejected.CommitId, rejected.RunId, rejected.CodeVersion, rejected.RowCount, null, Views(rejected),
                    failedItem is not null && failedItem.FinishedAt > rejectedAt ? failedItem.Error : "validation failed: " + string.Join("; ", failures));
            case PartitionState.Failed:
                return new PartitionDayView(date, name, null, null, null, null, null, [], failedItem?.Error);
            case PartitionState.Missing:
                return new PartitionDayView(date, name, null, null, null, null, null, [], null);
            default:
                var reason = state switch
                {
                    PartitionState.Running => $"backfill {runningIn} is building it",
                    PartitionState.Stale => "upstream changed since it was built: " + string.Join(
                        "; ", changed.Select(i => $"{i.Dataset}/{i.Partition} read {i.CommitId}, live is {liveCommitOf(i.Dataset, i.Partition) ?? "none"}")),
                    _ => null,
                };
                return live is null
                    ? new PartitionDayView(date, name, null, runningIn, null, null, null, [], reason)
                    : new PartitionDayView(
                        date, name, live.CommitId, live.Lineage.RunId, live.Lineage.CodeVersion, live.RowCount, manifest!.PublishedAt,
                        liveEntry is null ? [] : Views(liveEntry), reason);
        }
    }

    private static List<ValidationResultView> Views(LineageEntry entry) => [.. entry.ValidationResults.Select(ValidationResultView.Of)];

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    /// <summary>
    /// The days of the range a running backfill is building (with its id), and each day's latest failed work item.
    /// Item details are read only for backfills that failed an item of this dataset in the range.
    /// </summary>
    private async Task<(Dictionary<Day, string> Running, Dictionary<Day, BackfillItemRecord> Failed)> BackfillActivityAsync(
        DurableTaskClient client, string dataset, Day from, Day to, CancellationToken cancellationToken)
    {
        var running = new Dictionary<Day, string>();
        var failed = new Dictionary<Day, BackfillItemRecord>();
        bool Mine(WorkItem item, BackfillSnapshot backfill) =>
            Datasets.Of(item.Layer, backfill.Spec.Target) == dataset && item.Partition >= from && item.Partition <= to;

        await foreach (var backfill in backfills.ListAsync(client, cancellationToken).ConfigureAwait(false))
        {
            if (!backfill.IsFinished)
            {
                foreach (var item in (backfill.Progress?.Running ?? []).Select(WorkItem.Parse).Where(i => Mine(i, backfill)))
                {
                    running[item.Partition] = backfill.Metadata.InstanceId;
                }
            }

            // A running backfill's failed items are known from its item table rows; an ended one's from its output.
            var details = backfill.IsFinished ? null : await items.ReadAsync(backfill.Metadata.InstanceId, cancellationToken).ConfigureAwait(false);
            var failures = backfill.ItemsIn(details, ItemState.Failed).Where(i => Mine(i, backfill)).ToList();
            if (failures.Count == 0)
            {
                continue;
            }

            details ??= await items.ReadAsync(backfill.Metadata.InstanceId, cancellationToken).ConfigureAwait(false);
            foreach (var item in failures)
            {
                if (details.TryGetValue(item.Id, out var record)
                    && (!failed.TryGetValue(item.Partition, out var known) || record.FinishedAt > known.FinishedAt))
                {
                    failed[item.Partition] = record;
                }
            }
        }

        return (running, failed);
    }
}

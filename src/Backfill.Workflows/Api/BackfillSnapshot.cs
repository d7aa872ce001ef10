using System.Text.Json;
using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using Backfill.Core.Progress;
using Backfill.Storage.Backfills;
using Backfill.Workflows.Json;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Microsoft.DurableTask.Client;

namespace Backfill.Workflows.Api;

/// <summary>A backfill as stored by the engine: its pinned input, its latest progress, and the API view of both.</summary>
internal sealed record BackfillSnapshot(OrchestrationMetadata Metadata, BackfillState Input, BackfillProgress? Progress)
{
    /// <summary>Prefix of every backfill's instance id.</summary>
    public const string IdPrefix = "bf-";

    public BackfillSpec Spec => Input.Spec;

    public static async Task<BackfillSnapshot?> ReadAsync(DurableTaskClient client, string id, CancellationToken cancellationToken)
    {
        if (!InstanceIds.IsWellFormed(id))
        {
            return null;
        }

        var metadata = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        return metadata is null || metadata.Name != nameof(BackfillOrchestrator) ? null : Of(metadata);
    }

    public static BackfillSnapshot Of(OrchestrationMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var progress = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed
            ? metadata.ReadOutputAs<BackfillProgress>()
            : metadata.SerializedCustomStatus is null ? null : metadata.ReadCustomStatusAs<BackfillProgress>();
        return new BackfillSnapshot(metadata, metadata.ReadInputAs<BackfillState>()!, progress);
    }

    public BackfillStatus Status => Metadata.RuntimeStatus switch
    {
        OrchestrationRuntimeStatus.Completed => Progress?.Status ?? BackfillStatus.Completed,
        OrchestrationRuntimeStatus.Failed => BackfillStatus.Failed,
        OrchestrationRuntimeStatus.Terminated => BackfillStatus.Terminated,
        OrchestrationRuntimeStatus.Suspended => BackfillStatus.Paused,
        OrchestrationRuntimeStatus.Pending => BackfillStatus.Pending,
        _ => Progress?.Status ?? BackfillStatus.Pending,
    };

    public bool IsFinished => Metadata.IsCompleted;

    public Plan Plan() => PlanCache.Get(Spec);

    /// <summary>
    /// One <see cref="ItemState"/> char per plan item: an ended backfill's output has them; a running one's are derived
    /// from its input, its items in flight and <paramref name="details"/> (custom status does not carry them).
    /// </summary>
    /// <param name="details">The item table's rows of this backfill; null when not read (then only the generation's start and the items in flight count).</param>
    public string ItemCodes(IReadOnlyDictionary<string, BackfillItemRecord>? details)
    {
        return HasFinalCodes
            ? Progress!.Items!
            : BackfillItemStates.Derive(Plan(), Input.Items, Progress?.Running ?? [], details, Spec.Retries, Input.StartedAt);
    }

    /// <summary>The items in a given state.</summary>
    /// <param name="details">As for <see cref="ItemCodes"/>.</param>
    /// <param name="states">The states wanted.</param>
    public IEnumerable<WorkItem> ItemsIn(IReadOnlyDictionary<string, BackfillItemRecord>? details, params ItemState[] states)
    {
        var codes = ItemCodes(details);
        return Plan().Items.Where((_, i) => states.Contains((ItemState)codes[i]));
    }

    public BackfillView ToView(IReadOnlyDictionary<string, BackfillItemRecord>? details)
    {
        var items = details is null ? null : ItemViews(details);
        var counts = Progress?.Counts ?? BackfillCounts.Of([]);
        var terminated = Status == BackfillStatus.Terminated;

        // A terminated orchestration writes no status again: the items its last status showed in flight were cut off.
        var cutOff = terminated ? Progress?.Running ?? [] : null;
        var reason = terminated
            ? $"terminated by an operator; {cutOff!.Count} item(s) in flight were cut off" + (cutOff.Count > 0 ? ": " + string.Join(", ", cutOff) : string.Empty)
            : Progress?.Reason ?? Metadata.FailureDetails?.ErrorMessage;
        return new BackfillView(
            Metadata.InstanceId, Status, BackfillRequestView.Of(Spec), Spec.CodeVersion, Spec.ConfigHash, counts,
            Progress?.MaxParallel ?? Input.MaxParallel, terminated ? [] : Progress?.Running ?? [], items, Metadata.CreatedAt, Metadata.LastUpdatedAt,
            IsFinished ? null : Progress?.EtaSeconds, reason, Progress?.ConflictWith, Progress?.Flip,
            Progress?.EffectiveMaxParallel, Progress?.MaxParallelReason, IsFinished ? null : Progress?.WaitingReason, cutOff);
    }

    /// <summary>
    /// Items finished per minute and their p50/p95 durations, from the item table's rows: the window ends now while the
    /// backfill runs, and at its last finish once it ended, so an old backfill still shows how it went.
    /// </summary>
    /// <param name="details">The item table's rows of this backfill.</param>
    /// <param name="now">The current time.</param>
    public ItemThroughput Throughput(IReadOnlyDictionary<string, BackfillItemRecord> details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var end = IsFinished ? details.Values.Select(d => d.FinishedAt).DefaultIfEmpty(Metadata.LastUpdatedAt).Max() : now;
        return ItemThroughput.Of(details.Values.Select(d => (d.FinishedAt, d.DurationMilliseconds)), end);
    }

    /// <summary>
    /// The view of one work item of the plan, as <see cref="ToView"/> shows it in its list, built without the others'.
    /// </summary>
    /// <param name="item">The work item.</param>
    /// <param name="details">As for <see cref="ItemCodes"/>; once <see cref="HasFinalCodes"/>, the item's own row is enough.</param>
    /// <returns>The view; null when the plan has no such item.</returns>
    public BackfillItemView? ItemView(WorkItem item, IReadOnlyDictionary<string, BackfillItemRecord> details)
    {
        var items = Plan().Items;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] == item)
            {
                return ItemViewOf(item, (ItemState)ItemCodes(details)[i], details);
            }
        }

        return null;
    }

    /// <summary>
    /// Gets whether the backfill's output holds every item's state, so one item's state needs no other item's row (a running
    /// backfill's states are derived from every row: an item is blocked when one it depends on failed).
    /// </summary>
    public bool HasFinalCodes => Progress?.Items is { } final && final.Length == Plan().Items.Count;

    private List<BackfillItemView> ItemViews(IReadOnlyDictionary<string, BackfillItemRecord> details)
    {
        var codes = ItemCodes(details);
        return [.. Plan().Items.Select((item, i) => ItemViewOf(item, (ItemState)codes[i], details))];
    }

    private BackfillItemView ItemViewOf(WorkItem item, ItemState code, IReadOnlyDictionary<string, BackfillItemRecord> details)
    {
        var state = Status == BackfillStatus.Terminated && code == ItemState.Running ? BackfillItemView.CutOff : JsonNamingPolicy.CamelCase.ConvertName(code.ToString());
        var error = code switch
        {
            ItemState.Blocked => "an item it depends on failed or is blocked",
            ItemState.Waiting => Progress?.WaitingReason,
            _ => null,
        };
        return details.TryGetValue(item.Id, out var d)
            ? new BackfillItemView(LayerNames.Of(item.Layer), item.Partition.ToString(), state, d.Attempts, d.Rows, d.DurationMilliseconds, d.Error ?? error, d.StartedAt, d.FinishedAt,
                d.Validation is { } validation ? [.. validation.Select(ValidationResultView.Of)] : null, d.Redelivered, d.AttemptLog)
            : new BackfillItemView(LayerNames.Of(item.Layer), item.Partition.ToString(), state, 0, 0, 0, error, null, null);
    }
}

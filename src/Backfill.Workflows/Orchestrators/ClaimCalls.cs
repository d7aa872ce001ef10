using Backfill.Core.Claims;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using Backfill.Storage.Building;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Models;
using Microsoft.DurableTask;

namespace Backfill.Workflows.Orchestrators;

/// <summary>How backfills and daily runs use the one claim service (<see cref="ClaimEntity"/>) from an orchestration.</summary>
internal static class ClaimCalls
{
    /// <summary>The partitions the items write: dataset → days, in pipeline order (raw, staging, then the feature version).</summary>
    public static IReadOnlyDictionary<string, PartitionSet> PartitionsOf(IEnumerable<WorkItem> items, string target) =>
        items.GroupBy(i => i.Layer).OrderBy(g => g.Key).ToDictionary(g => Datasets.Of(g.Key, target), g => new PartitionSet(g.Select(i => i.Partition)), StringComparer.Ordinal);

    /// <summary>The dataset a work item writes.</summary>
    public static string DatasetOf(WorkItem item, string target) => Datasets.Of(item.Layer, target);

    /// <summary>Claims <paramref name="wanted"/> for this orchestration (replacing what it held) and renews its lease.</summary>
    public static Task<ClaimResult> ClaimAsync(
        TaskOrchestrationContext context, bool daily, IReadOnlyDictionary<string, PartitionSet> wanted, bool wait, IReadOnlyList<string> evict) =>
        context.Entities.CallEntityAsync<ClaimResult>(
            ClaimEntity.Global,
            nameof(ClaimEntity.Claim),
            new ClaimRequest(context.InstanceId, daily, wanted.ToDictionary(d => d.Key, d => d.Value.ToExpression(), StringComparer.Ordinal), wait, evict, context.CurrentUtcDateTime));

    /// <summary>Restarts this orchestration's lease; a signal, since nothing waits for it.</summary>
    public static Task RenewAsync(TaskOrchestrationContext context) =>
        context.Entities.SignalEntityAsync(ClaimEntity.Global, nameof(ClaimEntity.Renew), new ClaimRenewal(context.InstanceId, context.CurrentUtcDateTime));

    /// <summary>Frees this orchestration's partitions, waiting until they are free (a run that started after sees them free).</summary>
    public static Task ReleaseAsync(TaskOrchestrationContext context) =>
        context.Entities.CallEntityAsync<bool>(ClaimEntity.Global, nameof(ClaimEntity.Release), context.InstanceId);

    /// <summary>Tells each backfill whose partitions a daily run took or gave back to claim again now.</summary>
    public static void NotifyBackfills(TaskOrchestrationContext context, IEnumerable<ClaimConflict> taken)
    {
        foreach (var runId in taken.Where(c => !c.Daily).Select(c => c.RunId).Distinct())
        {
            context.SendEvent(runId, BackfillEvents.ClaimsChanged, true);
        }
    }

    /// <summary>The waiting reason: who holds what (bounded: the first three holders).</summary>
    public static string? WaitingReason(IReadOnlyList<ClaimConflict> conflicts) => conflicts.Count == 0
        ? null
        : "waiting for partitions claimed by another run: " + string.Join("; ", conflicts.Take(3).Select(c => c.Describe())) + (conflicts.Count > 3 ? $"; and {conflicts.Count - 3} more" : string.Empty);

    /// <summary>Whether <paramref name="held"/> contains the partition <paramref name="item"/> writes.</summary>
    public static bool Holds(IReadOnlyDictionary<string, PartitionSet> held, WorkItem item, string target) =>
        held.TryGetValue(DatasetOf(item, target), out var days) && days.Contains(item.Partition);

    /// <summary>The held partitions of a claim result, parsed.</summary>
    public static Dictionary<string, PartitionSet> Parse(ClaimResult result) =>
        result.Held.ToDictionary(d => d.Key, d => ClaimBook.Days(d.Value), StringComparer.Ordinal);}

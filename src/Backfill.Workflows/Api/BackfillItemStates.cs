using Backfill.Core.Planning;
using Backfill.Storage.Backfills;
using Backfill.Workflows.Models;

namespace Backfill.Workflows.Api;

/// <summary>
/// The per-item states of a running backfill, which custom status does not carry (it must stay small at any size):
/// the states its current generation started with, the items in flight, and each attempt the item table recorded
/// since. Items that depend on a failed or blocked item are blocked, as the orchestration blocks them.
/// </summary>
internal static class BackfillItemStates
{
    /// <summary>One <see cref="ItemState"/> char per plan item, in plan order.</summary>
    /// <param name="plan">The backfill's plan.</param>
    /// <param name="generationItems">The states its current generation started with; empty before the first.</param>
    /// <param name="running">The ids of the items in flight, per its custom status.</param>
    /// <param name="details">The item table's rows of this backfill, by work item id; null when not read.</param>
    /// <param name="retries">Extra attempts a transient failure gets: a transient last attempt beyond them failed.</param>
    /// <param name="since">When the backfill started: rows older than it belong to an earlier backfill of the same id.</param>
    /// <returns>The states.</returns>
    public static string Derive(
        Plan plan, string generationItems, IReadOnlyCollection<string> running, IReadOnlyDictionary<string, BackfillItemRecord>? details,
        int retries, DateTimeOffset since)
    {
        var count = plan.Items.Count;
        var codes = generationItems.Length == count ? generationItems.ToCharArray() : Enumerable.Repeat((char)ItemState.Pending, count).ToArray();
        var inFlight = running.ToHashSet(StringComparer.Ordinal);
        var index = new Dictionary<WorkItem, int>(count);

        // The plan lists every item after the items it depends on, so one pass in plan order sees each
        // dependency's final state before its dependents.
        for (var i = 0; i < count; i++)
        {
            var item = plan.Items[i];
            index[item] = i;
            if ((ItemState)codes[i] is ItemState.Succeeded or ItemState.Skipped or ItemState.Failed or ItemState.Blocked)
            {
                continue;
            }

            var state = inFlight.Contains(item.Id) ? ItemState.Running
                : details is not null && details.TryGetValue(item.Id, out var row) && row.FinishedAt >= since ? Of(row, retries)
                : ItemState.Pending;
            if (state == ItemState.Pending && plan.DependsOn[item].Any(d => (ItemState)codes[index[d]] is ItemState.Failed or ItemState.Blocked))
            {
                state = ItemState.Blocked;
            }

            codes[i] = (char)state;
        }

        return new string(codes);
    }

    // The item table records each attempt's outcome kind in camelCase (WorkItemOutcomeKind).
    private static ItemState Of(BackfillItemRecord row, int retries) => row.Outcome switch
    {
        "succeeded" => ItemState.Succeeded,
        "skipped" => ItemState.Skipped,
        "failed" => ItemState.Failed,
        "transient" => row.Attempts > retries ? ItemState.Failed : ItemState.Running,
        _ => ItemState.Pending,
    };
}

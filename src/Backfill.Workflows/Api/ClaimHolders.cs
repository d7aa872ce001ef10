using Backfill.Workflows.Entities;
using Backfill.Workflows.Models;
using Microsoft.DurableTask.Client;

namespace Backfill.Workflows.Api;

/// <summary>Reads the claim service from a client, and asks the engine whether each holder still runs.</summary>
internal static class ClaimHolders
{
    /// <summary>The claim service's state (empty before the first claim).</summary>
    public static async Task<ClaimState> ReadAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var entity = await client.Entities.GetEntityAsync<ClaimState>(ClaimEntity.Global, includeState: true, cancellationToken).ConfigureAwait(false);
        return entity?.State ?? new ClaimState();
    }

    /// <summary>
    /// The holders that no longer run: failed, terminated, completed without releasing, or missing (purged). Their
    /// claims can go on the spot instead of blocking every overlapping request until the lease runs out.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DeadAsync(DurableTaskClient client, ClaimState claims, CancellationToken cancellationToken)
    {
        var dead = new List<string>();
        foreach (var runId in claims.Runs.Keys)
        {
            var metadata = await client.GetInstanceAsync(runId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
            if (metadata is null or { RuntimeStatus: OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Completed })
            {
                dead.Add(runId);
            }
        }

        return dead;
    }
}

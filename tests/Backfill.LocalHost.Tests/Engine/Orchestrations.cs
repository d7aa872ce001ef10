using Backfill.Testing;
using Microsoft.DurableTask.Client;

namespace Backfill.LocalHost.Tests.Engine;

/// <summary>Waits on orchestrations through <see cref="Eventually"/>, so a run that never ends fails naming itself and its last state.</summary>
internal static class Orchestrations
{
    /// <summary>Polls the instance, with its inputs and outputs, until it completed, failed or was terminated.</summary>
    public static async Task<OrchestrationMetadata> EndedAsync(DurableTaskClient client, string id, TimeSpan? timeout = null) =>
        (await Eventually.UntilAsync(
            $"orchestration {id} to end",
            cancellationToken => client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken),
            metadata => metadata?.IsCompleted == true,
            timeout))!;
}

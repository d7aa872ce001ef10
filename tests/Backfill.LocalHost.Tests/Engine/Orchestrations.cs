using Backfill.Testing;
using Microsoft.DurableTask.Client;

namespace Backfill.LocalHost.Tests.Engine;

/// <summary>Waits on orchestrations through <see cref="Eventually"/>, so a run that never ends fails naming itself and its last state.</summary>
internal static class Orchestrations
{
    // An orchestration runs for seconds at least; a status read each second, without the inputs and outputs (which
    // may be large blobs), is as often as the SDK's own WaitForInstanceCompletionAsync reads.
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Polls the instance until it completed, failed or was terminated; returns it with its inputs and outputs.</summary>
    public static async Task<OrchestrationMetadata> EndedAsync(DurableTaskClient client, string id, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        await Eventually.UntilAsync(
            $"orchestration {id} to end",
            cancellationToken => client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken),
            metadata => metadata?.IsCompleted == true,
            timeout,
            Interval);
        return (await client.GetInstanceAsync(id, getInputsAndOutputs: true, TestContext.Current.CancellationToken))!;
    }
}

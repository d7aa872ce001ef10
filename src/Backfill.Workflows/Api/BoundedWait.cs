using Microsoft.DurableTask.Client;

namespace Backfill.Workflows.Api;

/// <summary>Waits for a run a request started, bounded so the request answers 202 instead of hanging.</summary>
internal static class BoundedWait
{
    /// <summary>The run's metadata once it completed; null when it is still going after <paramref name="seconds"/>.</summary>
    public static async Task<OrchestrationMetadata?> ForAsync(DurableTaskClient client, string id, int seconds, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(TimeSpan.FromSeconds(seconds));
        try
        {
            return await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}

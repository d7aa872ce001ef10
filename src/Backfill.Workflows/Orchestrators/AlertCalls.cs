using Backfill.Workflows.Activities;
using Backfill.Workflows.Alerts;
using Microsoft.DurableTask;

namespace Backfill.Workflows.Orchestrators;

/// <summary>Raises alerts from orchestrations, once per dedup key.</summary>
internal static class AlertCalls
{
    // A storage blip is waited out; past that the alert is dropped, never the run: a condition that persists raises
    // again on the next run (the key was not stored), and a passing one was logged by the activity that failed.
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(5)));

    /// <summary>Raises <paramref name="alert"/> unless its dedup key was raised before.</summary>
    public static async Task RaiseAsync(TaskOrchestrationContext context, AlertRequest alert)
    {
        try
        {
            await context.CallActivityAsync<bool>(nameof(RaiseAlertActivity), alert, Retry);
        }
        catch (TaskFailedException)
        {
            // See Retry.
        }
    }
}

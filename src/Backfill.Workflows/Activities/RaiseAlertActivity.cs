using Backfill.Workflows.Alerts;
using Microsoft.DurableTask;

namespace Backfill.Workflows.Activities;

/// <summary>Raises an orchestration's alert once per dedup key (orchestrations do no I/O themselves).</summary>
public sealed class RaiseAlertActivity(AlertRaiser alerts) : TaskActivity<AlertRequest, bool>
{
    /// <inheritdoc />
    public override Task<bool> RunAsync(TaskActivityContext context, AlertRequest input) =>
        alerts.RaiseOnceAsync(input, CancellationToken.None);
}

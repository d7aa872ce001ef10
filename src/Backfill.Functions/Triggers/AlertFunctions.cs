using Backfill.Workflows.Activities;
using Backfill.Workflows.Alerts;
using Microsoft.Azure.Functions.Worker;

namespace Backfill.Functions.Triggers;

/// <summary>The durable trigger that raises orchestrations' alerts: it hands straight to the shared class.</summary>
internal sealed class AlertFunctions(RaiseAlertActivity raise)
{
    [Function(nameof(RaiseAlertActivity))]
    public Task<bool> RaiseAlertAsync([ActivityTrigger] AlertRequest request, FunctionContext context) =>
        raise.RunAsync(new FunctionsActivityContext(nameof(RaiseAlertActivity), context), request);
}

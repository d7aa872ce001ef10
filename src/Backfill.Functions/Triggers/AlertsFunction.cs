using Backfill.Workflows.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Backfill.Functions.Triggers;

/// <summary>Lists alerts; hands straight to the shared handler.</summary>
internal sealed class AlertsFunction(AlertsHandler handler)
{
    [Function("Alerts")]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = AlertsHandler.Route)] HttpRequest request) => handler.ListAsync(request);
}

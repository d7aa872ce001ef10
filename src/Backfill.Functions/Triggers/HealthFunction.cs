using Backfill.Workflows.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Backfill.Functions.Triggers;

/// <summary>Anonymous so load balancers and probes can call it without a key.</summary>
internal sealed class HealthFunction(HealthHandler handler)
{
    [Function("Health")]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HealthHandler.Route)] HttpRequest request) =>
        handler.GetAsync(request.HttpContext.RequestAborted);
}

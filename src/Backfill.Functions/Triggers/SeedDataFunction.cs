using Backfill.Workflows.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Backfill.Functions.Triggers;

/// <summary>Lands sample events; hands straight to the shared handler.</summary>
internal sealed class SeedDataFunction(SeedDataHandler handler)
{
    [Function("SeedData")]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = SeedDataHandler.Route)] HttpRequest request) => handler.SeedAsync(request);
}

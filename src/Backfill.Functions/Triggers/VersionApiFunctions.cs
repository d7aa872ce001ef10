using Backfill.Workflows.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Backfill.Functions.Triggers;

/// <summary>HTTP triggers of the version lifecycle API: each one hands straight to the shared handler.</summary>
internal sealed class VersionApiFunctions(VersionsHandler versions)
{
    [Function("VersionList")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = VersionRoutes.Collection)] HttpRequest request,
        [DurableClient] DurableTaskClient client) => versions.GetAsync(request, client);

    [Function("VersionRetire")]
    public Task<IResult> RetireAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = VersionRoutes.Retire)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string version) => versions.RetireAsync(request, client, version);
}

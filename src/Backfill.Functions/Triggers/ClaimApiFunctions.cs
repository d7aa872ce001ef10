using Backfill.Workflows.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Backfill.Functions.Triggers;

/// <summary>HTTP triggers of the claim API: each one hands straight to the shared handler.</summary>
internal sealed class ClaimApiFunctions(ClaimsHandler claims)
{
    [Function("ClaimList")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ClaimRoutes.Collection)] HttpRequest request,
        [DurableClient] DurableTaskClient client) => claims.ListAsync(request, client);

    // Admin: freeing another run's claims by hand lets two writers meet on a partition, so it takes the master key.
    [Function("ClaimDelete")]
    public Task<IResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "delete", Route = ClaimRoutes.Run)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string runId) => claims.DeleteAsync(request, client, runId);
}

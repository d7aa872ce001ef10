using Backfill.Workflows.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Backfill.Functions.Triggers;

/// <summary>HTTP triggers of the partitions API and the dashboard page; both expose data, so both need a function key.</summary>
internal sealed class DashboardFunctions(PartitionsHandler partitions)
{
    [Function("PartitionsGet")]
    public Task<IResult> PartitionsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = PartitionsHandler.Route)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string dataset) => partitions.GetAsync(request, client, dataset);

    [Function("Dashboard")]
    public static IResult Dashboard(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = DashboardHandler.Route)] HttpRequest request) => DashboardHandler.Get();
}

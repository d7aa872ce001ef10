using Backfill.Workflows.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Backfill.Functions.Triggers;

/// <summary>HTTP triggers of the partitions API and the dashboard page; both expose data, so both need a function key.</summary>
internal sealed class DashboardFunctions(PartitionsHandler partitions, PartitionRollbackHandler rollbacks, PartitionHistoryHandler histories)
{
    [Function("PartitionsGet")]
    public Task<IResult> PartitionsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = PartitionsHandler.Route)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string dataset) => partitions.GetAsync(request, client, dataset);

    [Function("PartitionRollback")]
    public Task<IResult> PartitionRollbackAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = PartitionRollbackHandler.Route)] HttpRequest request,
        string dataset,
        string date) => rollbacks.RollbackAsync(request, dataset, date);

    [Function("PartitionHistory")]
    public Task<IResult> PartitionHistoryAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = PartitionHistoryHandler.Route)] HttpRequest request,
        string dataset,
        string date) => histories.GetAsync(request, dataset, date);

    [Function("Dashboard")]
    public static IResult Dashboard(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = DashboardHandler.Route)] HttpRequest request) => DashboardHandler.Get();
}

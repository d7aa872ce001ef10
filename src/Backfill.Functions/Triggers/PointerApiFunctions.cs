using Backfill.Workflows.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Backfill.Functions.Triggers;

/// <summary>HTTP triggers of the pointer and read API: each one hands straight to the shared handlers.</summary>
internal sealed class PointerApiFunctions(PointersHandler pointers, ReadHandler reads)
{
    [Function("PointerGet")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = PointerRoutes.Item)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string name) => pointers.GetAsync(request, client, name);

    [Function("PointerFlip")]
    public Task<IResult> FlipAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = PointerRoutes.Flip)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string name) => pointers.FlipAsync(request, client, name);

    [Function("PointerRollback")]
    public Task<IResult> RollbackAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = PointerRoutes.Rollback)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string name) => pointers.RollbackAsync(request, client, name);

    [Function("PointerOperation")]
    public Task<IResult> OperationAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = PointerRoutes.Operation)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string name,
        string instanceId) => pointers.GetOperationAsync(request, client, name, instanceId);

    [Function("DatasetRead")]
    public Task<IResult> ReadAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = PointerRoutes.Read)] HttpRequest request,
        string dataset,
        string date) => reads.ReadAsync(request, dataset, date);
}

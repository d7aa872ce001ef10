using Backfill.Workflows.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Backfill.Functions.Triggers;

/// <summary>HTTP triggers of the daily run and late-data API: each one hands straight to the shared handlers.</summary>
internal sealed class DailyApiFunctions(DailyHandler daily, LateDataHandler lateData)
{
    [Function("DailyRun")]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = DailyRoutes.Run)] HttpRequest request,
        [DurableClient] DurableTaskClient client) => daily.RunAsync(request, client);

    [Function("DailyWatermark")]
    public Task<IResult> WatermarkAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = DailyRoutes.Watermark)] HttpRequest request,
        [DurableClient] DurableTaskClient client) => daily.WatermarkAsync(client, request.HttpContext.RequestAborted);

    [Function("DailyGet")]
    public static Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = DailyRoutes.Item)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) => DailyHandler.GetAsync(client, id, request.HttpContext.RequestAborted);

    [Function("LateData")]
    public Task<IResult> LateDataAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = DailyRoutes.LateData)] HttpRequest request,
        [DurableClient] DurableTaskClient client) => lateData.GetAsync(request, client);
}

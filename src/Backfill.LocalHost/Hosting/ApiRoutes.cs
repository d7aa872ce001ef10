using Backfill.Workflows.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace Backfill.LocalHost.Hosting;

/// <summary>
/// Maps the shared handlers under <c>/api</c> with the same routes and methods as the Functions app.
/// Services are marked explicitly so the route table can be built (and compared) without a container.
/// </summary>
internal static class ApiRoutes
{
    public static void MapBackfillApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet(HealthHandler.Route, ([FromServices] HealthHandler handler, CancellationToken cancellationToken) => handler.GetAsync(cancellationToken));
        api.MapPost(EngineCheckHandler.StartRoute, (HttpRequest request, [FromServices] EngineCheckHandler handler, [FromServices] DurableTaskClient client) =>
            handler.StartAsync(request, client));
        api.MapGet(EngineCheckHandler.StatusRoute, (HttpRequest request, [FromServices] EngineCheckHandler handler, [FromServices] DurableTaskClient client, string instanceId) =>
            handler.GetAsync(request, client, instanceId));

        api.MapPost(BackfillRoutes.Collection, (HttpRequest request, [FromServices] BackfillsHandler handler, [FromServices] DurableTaskClient client) =>
            handler.StartAsync(request, client));
        api.MapGet(BackfillRoutes.Collection, (HttpRequest request, [FromServices] BackfillControlHandler handler, [FromServices] DurableTaskClient client) =>
            handler.ListAsync(request, client));
        api.MapGet(BackfillRoutes.Item, (HttpRequest request, [FromServices] BackfillControlHandler handler, [FromServices] DurableTaskClient client, string id) =>
            handler.GetAsync(request, client, id));
        api.MapPatch(BackfillRoutes.Item, (HttpRequest request, [FromServices] DurableTaskClient client, string id) =>
            BackfillControlHandler.PatchAsync(request, client, id));
        api.MapPost(BackfillRoutes.Cancel, (HttpRequest request, [FromServices] DurableTaskClient client, string id) =>
            BackfillControlHandler.CancelAsync(request, client, id));
        api.MapPost(BackfillRoutes.RetryFailed, (HttpRequest request, [FromServices] BackfillsHandler handler, [FromServices] DurableTaskClient client, string id) =>
            handler.RetryFailedAsync(request, client, id));
        api.MapPost(BackfillRoutes.Resume, (HttpRequest request, [FromServices] DurableTaskClient client, string id) =>
            BackfillControlHandler.ResumeAsync(request, client, id));
        api.MapPost(BackfillRoutes.Pause, (HttpRequest request, [FromServices] DurableTaskClient client, string id) =>
            BackfillControlHandler.PauseAsync(request, client, id));
        api.MapPost(BackfillRoutes.Terminate, (HttpRequest request, [FromServices] BackfillControlHandler handler, [FromServices] DurableTaskClient client, string id) =>
            handler.TerminateAsync(request, client, id));
        api.MapGet(BackfillItemHandler.Route, (HttpRequest request, [FromServices] BackfillItemHandler handler, [FromServices] DurableTaskClient client, string id, string layer, string date) =>
            handler.GetAsync(request, client, id, layer, date));
        api.MapGet(BackfillReportHandler.Route, (HttpRequest request, [FromServices] BackfillReportHandler handler, [FromServices] DurableTaskClient client, string id) =>
            handler.GetAsync(request, client, id));
        api.MapGet(ClaimRoutes.Collection, (HttpRequest request, [FromServices] ClaimsHandler handler, [FromServices] DurableTaskClient client) =>
            handler.ListAsync(request, client));
        api.MapDelete(ClaimRoutes.Run, (HttpRequest request, [FromServices] ClaimsHandler handler, [FromServices] DurableTaskClient client, string runId) =>
            handler.DeleteAsync(request, client, runId));
        api.MapGet(PartitionsHandler.Route, (HttpRequest request, [FromServices] PartitionsHandler handler, [FromServices] DurableTaskClient client, string dataset) =>
            handler.GetAsync(request, client, dataset));
        api.MapPost(PartitionRollbackHandler.Route, (HttpRequest request, [FromServices] PartitionRollbackHandler handler, string dataset, string date) =>
            handler.RollbackAsync(request, dataset, date));
        api.MapGet(PartitionHistoryHandler.Route, (HttpRequest request, [FromServices] PartitionHistoryHandler handler, string dataset, string date) =>
            handler.GetAsync(request, dataset, date));
        api.MapGet(DashboardHandler.Route, DashboardHandler.Get);
        api.MapGet(PointerRoutes.Item, (HttpRequest request, [FromServices] PointersHandler handler, [FromServices] DurableTaskClient client, string name) =>
            handler.GetAsync(request, client, name));
        api.MapPost(PointerRoutes.Flip, (HttpRequest request, [FromServices] PointersHandler handler, [FromServices] DurableTaskClient client, string name) =>
            handler.FlipAsync(request, client, name));
        api.MapPost(PointerRoutes.Rollback, (HttpRequest request, [FromServices] PointersHandler handler, [FromServices] DurableTaskClient client, string name) =>
            handler.RollbackAsync(request, client, name));
        api.MapGet(PointerRoutes.Operation, (HttpRequest request, [FromServices] PointersHandler handler, [FromServices] DurableTaskClient client, string name, string instanceId) =>
            handler.GetOperationAsync(request, client, name, instanceId));
        api.MapGet(VersionRoutes.Collection, (HttpRequest request, [FromServices] VersionsHandler handler, [FromServices] DurableTaskClient client) =>
            handler.GetAsync(request, client));
        api.MapPost(VersionRoutes.Retire, (HttpRequest request, [FromServices] VersionsHandler handler, [FromServices] DurableTaskClient client, string version) =>
            handler.RetireAsync(request, client, version));
        api.MapGet(PointerRoutes.Read, (HttpRequest request, [FromServices] ReadHandler handler, string dataset, string date) =>
            handler.ReadAsync(request, dataset, date));
        api.MapGet(FilesHandler.Route, (HttpRequest request, [FromServices] FilesHandler handler, string dataset) => handler.GetAsync(request, dataset));
        api.MapPost(DailyRoutes.Run, (HttpRequest request, [FromServices] DailyHandler handler, [FromServices] DurableTaskClient client) =>
            handler.RunAsync(request, client));
        api.MapGet(DailyRoutes.Watermark, ([FromServices] DailyHandler handler, [FromServices] DurableTaskClient client, CancellationToken cancellationToken) =>
            handler.WatermarkAsync(client, cancellationToken));
        api.MapGet(DailyRoutes.Item, ([FromServices] DurableTaskClient client, string id, CancellationToken cancellationToken) =>
            DailyHandler.GetAsync(client, id, cancellationToken));
        api.MapGet(DailyRoutes.LateData, (HttpRequest request, [FromServices] LateDataHandler handler, [FromServices] DurableTaskClient client) =>
            handler.GetAsync(request, client));
        api.MapGet(AlertsHandler.Route, (HttpRequest request, [FromServices] AlertsHandler handler) => handler.ListAsync(request));
        api.MapPost(SeedDataHandler.Route, (HttpRequest request, [FromServices] SeedDataHandler handler) => handler.SeedAsync(request));
    }
}

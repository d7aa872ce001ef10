using Backfill.Workflows.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Backfill.Functions.Triggers;

/// <summary>HTTP triggers of the backfill API: each one hands straight to the shared handlers.</summary>
internal sealed class BackfillApiFunctions(BackfillsHandler backfills, BackfillControlHandler control, BackfillReportHandler reports, BackfillItemHandler item)
{
    [Function("BackfillStart")]
    public Task<IResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = BackfillRoutes.Collection)] HttpRequest request,
        [DurableClient] DurableTaskClient client) => backfills.StartAsync(request, client);

    [Function("BackfillList")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = BackfillRoutes.Collection)] HttpRequest request,
        [DurableClient] DurableTaskClient client) => control.ListAsync(request, client);

    [Function("BackfillGet")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = BackfillRoutes.Item)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) => control.GetAsync(request, client, id);

    [Function("BackfillPatch")]
    public static Task<IResult> PatchAsync(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = BackfillRoutes.Item)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) => BackfillControlHandler.PatchAsync(request, client, id);

    [Function("BackfillCancel")]
    public static Task<IResult> CancelAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = BackfillRoutes.Cancel)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) => BackfillControlHandler.CancelAsync(request, client, id);

    [Function("BackfillRetryFailed")]
    public Task<IResult> RetryFailedAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = BackfillRoutes.RetryFailed)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) => backfills.RetryFailedAsync(request, client, id);

    [Function("BackfillResume")]
    public static Task<IResult> ResumeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = BackfillRoutes.Resume)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) => BackfillControlHandler.ResumeAsync(request, client, id);

    [Function("BackfillPause")]
    public static Task<IResult> PauseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = BackfillRoutes.Pause)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) => BackfillControlHandler.PauseAsync(request, client, id);

    [Function("BackfillTerminate")]
    public Task<IResult> TerminateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = BackfillRoutes.Terminate)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) => control.TerminateAsync(request, client, id);

    [Function("BackfillReport")]
    public Task<IResult> ReportAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = BackfillReportHandler.Route)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) => reports.GetAsync(request, client, id);

    [Function("BackfillItem")]
    public Task<IResult> ItemAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = BackfillItemHandler.Route)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        string layer,
        string date) => item.GetAsync(request, client, id, layer, date);
}

using Backfill.Workflows.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Backfill.Functions.Triggers;

/// <summary>Lists a day range's live files; hands straight to the shared handler.</summary>
internal sealed class FilesFunction(FilesHandler handler)
{
    [Function("DatasetFiles")]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = FilesHandler.Route)] HttpRequest request, string dataset) => handler.GetAsync(request, dataset);
}

using Backfill.Workflows.Api;
using Backfill.Workflows.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Backfill.Functions;

/// <summary>
/// The Functions app's side of the shared failure mapping (<see cref="ApiFailures"/>): an HTTP trigger's escaped
/// exception becomes the same problem details the local host answers, and its storage calls are bounded.
/// </summary>
internal sealed class ApiFailureMiddleware(ILogger<ApiFailureMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext();
        if (http is null)
        {
            // Timers, orchestrations, activities and entities: the data plane keeps the SDK's full retries.
            await next(context).ConfigureAwait(false);
            return;
        }

        using var scope = ApiCallScope.Begin();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.HttpFunctionFailed(logger, ex, context.FunctionDefinition.Name);
            context.GetInvocationResult().Value = ApiFailures.ToResult(ex, http);
        }
    }
}

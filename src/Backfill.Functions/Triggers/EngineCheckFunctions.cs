using Backfill.Workflows.Activities;
using Backfill.Workflows.Api;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Entities;

namespace Backfill.Functions.Triggers;

/// <summary>Triggers for the engine check: each one hands straight to the shared class.</summary>
internal sealed class EngineCheckFunctions(EngineCheckHandler handler, EngineCheckActivity activity)
{
    [Function("EngineCheckStart")]
    public Task<IResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = EngineCheckHandler.StartRoute)] HttpRequest request,
        [DurableClient] DurableTaskClient client) => handler.StartAsync(request, client);

    [Function("EngineCheckStatus")]
    public Task<IResult> StatusAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = EngineCheckHandler.StatusRoute)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string instanceId) => handler.GetAsync(request, client, instanceId);

    [Function(nameof(EngineCheckOrchestrator))]
    public static Task<EngineCheckResult> OrchestrateAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new EngineCheckOrchestrator().RunAsync(context, context.GetInput<EngineCheckRequest>()!);

    [Function(nameof(EngineCheckActivity))]
    public Task<EngineCheckItemResult> RunActivityAsync([ActivityTrigger] EngineCheckItem item, FunctionContext context) =>
        activity.RunAsync(new FunctionsActivityContext(nameof(EngineCheckActivity), context), item);

    [Function(nameof(TallyEntity))]
    public static Task DispatchTallyAsync([EntityTrigger] TaskEntityDispatcher dispatcher) => dispatcher.DispatchAsync<TallyEntity>();
}

using Backfill.Core.Pointers;
using Backfill.Storage.Pointers;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;

namespace Backfill.Functions.Triggers;

/// <summary>Durable triggers of the pointer's flips and rollbacks: each one hands straight to the shared class.</summary>
internal sealed class PointerFunctions(CheckCompletenessActivity completeness, CanaryActivity canary, PublishPointerActivity publish)
{
    [Function(nameof(FlipOrchestrator))]
    public static Task<FlipOutcome> OrchestrateAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new FlipOrchestrator().RunAsync(context, context.GetInput<FlipRequest>()!);

    [Function(nameof(CheckCompletenessActivity))]
    public Task<CompletenessReport> CheckCompletenessAsync([ActivityTrigger] CompletenessRequest request, FunctionContext context) =>
        completeness.RunAsync(new FunctionsActivityContext(nameof(CheckCompletenessActivity), context), request);

    [Function(nameof(CanaryActivity))]
    public Task<CanaryReport> CanaryAsync([ActivityTrigger] CanaryRequest request, FunctionContext context) =>
        canary.RunAsync(new FunctionsActivityContext(nameof(CanaryActivity), context), request);

    [Function(nameof(PublishPointerActivity))]
    public Task<PointerMirror> PublishAsync([ActivityTrigger] PointerPublication publication, FunctionContext context) =>
        publish.RunAsync(new FunctionsActivityContext(nameof(PublishPointerActivity), context), publication);

    [Function(nameof(PointerEntity))]
    public static Task DispatchPointerAsync([EntityTrigger] TaskEntityDispatcher dispatcher) => dispatcher.DispatchAsync<PointerEntity>();
}

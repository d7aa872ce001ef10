using Backfill.Core.Pointers;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;

namespace Backfill.Functions.Triggers;

/// <summary>Durable triggers of the version lifecycle: each one hands straight to the shared class.</summary>
internal sealed class VersionFunctions(PublishVersionsActivity publish)
{
    [Function(nameof(RetireVersionOrchestrator))]
    public static Task<VersionChange> OrchestrateRetireAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RetireVersionOrchestrator().RunAsync(context, context.GetInput<string>()!);

    [Function(nameof(PublishVersionsActivity))]
    public Task<VersionLifecycle> PublishAsync([ActivityTrigger] VersionLifecycle state, FunctionContext context) =>
        publish.RunAsync(new FunctionsActivityContext(nameof(PublishVersionsActivity), context), state);

    [Function(nameof(VersionRegistryEntity))]
    public static Task DispatchRegistryAsync([EntityTrigger] TaskEntityDispatcher dispatcher) => dispatcher.DispatchAsync<VersionRegistryEntity>();
}

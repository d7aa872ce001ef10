using Backfill.Workflows.Activities;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;

namespace Backfill.Functions.Triggers;

/// <summary>Durable triggers for backfills: each one hands straight to the shared class.</summary>
internal sealed class BackfillFunctions(RunWorkItemActivity activity)
{
    [Function(nameof(BackfillOrchestrator))]
    public static Task<BackfillProgress> OrchestrateAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new BackfillOrchestrator().RunAsync(context, context.GetInput<BackfillState>()!);

    [Function(nameof(BucketedDayOrchestrator))]
    public static Task<WorkItemOutcome> OrchestrateBucketedDayAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new BucketedDayOrchestrator().RunAsync(context, context.GetInput<BucketedDayInput>()!);

    [Function(nameof(RunWorkItemActivity))]
    public Task<WorkItemOutcome> RunWorkItemAsync([ActivityTrigger] WorkItemRequest request, FunctionContext context) =>
        activity.RunAsync(new FunctionsActivityContext(nameof(RunWorkItemActivity), context), request);

    [Function(nameof(ClaimEntity))]
    public static Task DispatchClaimsAsync([EntityTrigger] TaskEntityDispatcher dispatcher) => dispatcher.DispatchAsync<ClaimEntity>();

    [Function(nameof(ActivityBudgetEntity))]
    public static Task DispatchActivityBudgetAsync([EntityTrigger] TaskEntityDispatcher dispatcher) => dispatcher.DispatchAsync<ActivityBudgetEntity>();
}

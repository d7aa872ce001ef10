using Backfill.Core.Pointers;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Models;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;

namespace Backfill.Workflows.Orchestrators;

/// <summary>Calls the version registry from an orchestration and moves its mirror blob up to the result.</summary>
internal static class VersionRegistryCalls
{
    private static readonly EntityInstanceId Pointer = new(nameof(PointerEntity), FeaturePointer.Name);

    /// <summary>The version the <c>features</c> pointer names.</summary>
    public static async Task<string> LiveAsync(TaskOrchestrationContext context) =>
        (await context.Entities.CallEntityAsync<PointerState>(Pointer, nameof(PointerEntity.Get))).Current;

    /// <summary>Runs one registry operation, then publishes the state it leaves.</summary>
    public static async Task<VersionLifecycle> CallAsync(TaskOrchestrationContext context, string operation, object input)
    {
        var state = await context.Entities.CallEntityAsync<VersionLifecycle>(VersionRegistryEntity.Features, operation, input);
        await PublishAsync(context, state);
        return state;
    }

    /// <summary>Moves the mirror blob up to <paramref name="state"/>.</summary>
    public static async Task PublishAsync(TaskOrchestrationContext context, VersionLifecycle state)
    {
        try
        {
            await context.CallActivityAsync<VersionLifecycle>(nameof(PublishVersionsActivity), state);
        }
        catch (TaskFailedException)
        {
            // The mirror only lags: the next registry operation publishes its whole state, which includes this one.
        }
    }
}

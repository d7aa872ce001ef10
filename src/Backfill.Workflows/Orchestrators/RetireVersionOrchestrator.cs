using Backfill.Workflows.Entities;
using Backfill.Workflows.Models;
using Microsoft.DurableTask;

namespace Backfill.Workflows.Orchestrators;

/// <summary>
/// Retires a feature version by hand (<c>POST /api/versions/{v}/retire</c>): the registry refuses the live version;
/// otherwise the daily run stops building it. Nothing is deleted. An orchestration so the registry's answer and its
/// mirror blob come from one deterministic place, as for every other registry change.
/// </summary>
public sealed class RetireVersionOrchestrator : TaskOrchestrator<string, VersionChange>
{
    /// <inheritdoc />
    public override async Task<VersionChange> RunAsync(TaskOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var live = await VersionRegistryCalls.LiveAsync(context);
        var change = await context.Entities.CallEntityAsync<VersionChange>(
            VersionRegistryEntity.Features, nameof(VersionRegistryEntity.Retire), new VersionRegistration(input, live));
        await VersionRegistryCalls.PublishAsync(context, change.State);
        return change;
    }
}

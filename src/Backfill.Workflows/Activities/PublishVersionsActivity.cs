using Backfill.Core.Pointers;
using Backfill.Storage.Pointers;
using Backfill.Workflows.Pipeline;
using Microsoft.DurableTask;

namespace Backfill.Workflows.Activities;

/// <summary>Moves the version registry's mirror blob forward to a state the entity held; idempotent, like the pointer's.</summary>
public sealed class PublishVersionsActivity(LakeReady lakeReady) : TaskActivity<VersionLifecycle, VersionLifecycle>
{
    /// <inheritdoc />
    public override async Task<VersionLifecycle> RunAsync(TaskActivityContext context, VersionLifecycle input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lake = await lakeReady.GetAsync().ConfigureAwait(false);
        return await new VersionRegistryStore(lake).AdvanceAsync(FeaturePointer.Name, input, CancellationToken.None).ConfigureAwait(false);
    }
}

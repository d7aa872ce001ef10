using Backfill.Core.Pointers;
using Backfill.Workflows.Models;
using Microsoft.DurableTask.Entities;

namespace Backfill.Workflows.Entities;

/// <summary>
/// The version registry of a pointer (key <c>features</c>): the version state of every feature version, so the daily
/// run knows which versions to build. An entity for the same reason as the pointer: operations run one at a time and
/// orchestrations call it deterministically. Every operation takes the pointer's current version, so the registry
/// converges on the pointer even when a crash fell between a flip and the registry's update.
/// </summary>
public sealed class VersionRegistryEntity : TaskEntity<VersionLifecycle>
{
    /// <summary>The registry of the <c>features</c> pointer.</summary>
    public static EntityInstanceId Features { get; } = new(nameof(VersionRegistryEntity), FeaturePointer.Name);

    /// <summary>The state.</summary>
    public VersionLifecycle Get() => State;

    /// <summary>Makes the pointer's version live (a flip or rollback just changed it).</summary>
    public VersionLifecycle Sync(string live) => State = State.Sync(live);

    /// <summary>A backfill fills a version: it becomes a candidate unless it is already built.</summary>
    public VersionLifecycle Register(VersionRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return State = State.Register(registration.Version, registration.Live);
    }

    /// <summary>A daily run processes a day: retiring windows that are over end, and the run learns what to build.</summary>
    public VersionLifecycle Advance(VersionAdvance advance)
    {
        ArgumentNullException.ThrowIfNull(advance);
        return State = State.Advance(advance.Live, advance.Watermark, advance.RetainDays);
    }

    /// <summary>Retires a version by hand; refused for the live one.</summary>
    public VersionChange Retire(VersionRegistration retirement)
    {
        ArgumentNullException.ThrowIfNull(retirement);
        var (state, refused) = State.Retire(retirement.Version, retirement.Live);
        State = state;
        return new VersionChange(state, refused);
    }

    /// <inheritdoc />
    protected override VersionLifecycle InitializeState(TaskEntityOperation entityOperation) => VersionLifecycle.Empty;
}

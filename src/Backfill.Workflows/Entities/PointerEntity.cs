using Backfill.Core.Pointers;
using Backfill.Workflows.Models;
using Microsoft.DurableTask.Entities;

namespace Backfill.Workflows.Entities;

/// <summary>
/// The pointer (one entity per name, e.g. <c>features</c>): the feature version readers use. Entity
/// operations run one at a time, so compare-and-set on current version and sequence lets exactly one of
/// several concurrent flips win; the others are refused, not applied, with the reason.
/// </summary>
public sealed class PointerEntity : TaskEntity<PointerState>
{
    /// <summary>The current state.</summary>
    public PointerState Get() => State;

    /// <summary>Flips to a new version if the pointer still names the expected version at the expected sequence.</summary>
    public PointerChange Flip(PointerFlip flip)
    {
        var change = State.Flip(flip);
        State = change.State;
        return change;
    }

    /// <summary>Restores the previous version if the pointer is still at the expected sequence.</summary>
    public PointerChange Rollback(PointerRollback rollback)
    {
        var change = State.Rollback(rollback);
        State = change.State;
        return change;
    }

    /// <inheritdoc />
    protected override PointerState InitializeState(TaskEntityOperation entityOperation)
    {
        ArgumentNullException.ThrowIfNull(entityOperation);
        var name = entityOperation.Context.Id.Key;
        return PointerState.Initial(name, FeaturePointer.InitialVersionOf(name)
            ?? throw new InvalidOperationException($"'{name}' is not a pointer."));
    }
}

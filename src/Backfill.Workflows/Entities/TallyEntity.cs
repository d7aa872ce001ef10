using Backfill.Workflows.Models;
using Microsoft.DurableTask.Entities;

namespace Backfill.Workflows.Entities;

/// <summary>
/// A counter with compare-and-set, the smallest entity that proves the engine serialises entity
/// operations: the engine check adds to it, clients read it or change it with compare-and-set.
/// </summary>
public sealed class TallyEntity : TaskEntity<Tally>
{
    /// <summary>Adds <paramref name="amount"/> and bumps the version.</summary>
    public Tally Add(int amount) => State = new Tally(State.Count + amount, State.Version + 1);

    /// <summary>The current state.</summary>
    public Tally Get() => State;

    /// <summary>Applies the change only when nobody changed the tally since the caller read it.</summary>
    public bool CompareAndSet(TallyCompareAndSet change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (State.Version != change.ExpectedVersion)
        {
            return false;
        }

        State = new Tally(change.NewCount, State.Version + 1);
        return true;
    }

    /// <inheritdoc />
    protected override Tally InitializeState(TaskEntityOperation entityOperation) => new(0, 0);
}

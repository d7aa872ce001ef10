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
    public Tally Add(int amount) => State = State with { Count = State.Count + amount, Version = State.Version + 1 };

    /// <summary>
    /// Counts <paramref name="item"/> once. Signals are delivered at least once (a partition moving
    /// between hosts mid-episode resends them), so an operation that must count exactly once is
    /// idempotent by key (as the backfill registry's Register and Release are).
    /// </summary>
    public Tally Mark(int item) => State.Marked.Contains(item)
        ? State
        : State = new Tally(State.Count + 1, State.Version + 1, [.. State.Marked, item]);

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

        State = State with { Count = change.NewCount, Version = State.Version + 1 };
        return true;
    }

    /// <inheritdoc />
    protected override Tally InitializeState(TaskEntityOperation entityOperation) => new(0, 0, []);
}

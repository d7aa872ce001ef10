using Backfill.Storage.Pointers;

namespace Backfill.Workflows.Models;

/// <summary>
/// The pointer entity's state. Every change bumps <paramref name="Sequence"/>, so a sequence names exactly one
/// state: compare-and-set on it makes concurrent flips safe, and the mirror blob can only move forward.
/// </summary>
/// <param name="Name">The pointer, e.g. <c>features</c>.</param>
/// <param name="Current">The dataset readers use, e.g. <c>features_v2</c>.</param>
/// <param name="Sequence">0 for the initial state; +1 per flip or rollback.</param>
/// <param name="FlippedAt">When the current state was set; null for the initial state.</param>
/// <param name="FlippedBy">The backfill or flip run that set it; null for the initial state.</param>
/// <param name="History">The states held before the current one, newest first, at most <see cref="MaxHistory"/>.</param>
public sealed record PointerState(string Name, string Current, long Sequence, DateTimeOffset? FlippedAt, string? FlippedBy, IReadOnlyList<PointerHistoryEntry> History)
{
    /// <summary>The most previous states kept, so the entity's state stays small however often it flips.</summary>
    public const int MaxHistory = 100;

    /// <summary>The state of a pointer that never flipped: sequence 0, naming <paramref name="version"/>.</summary>
    /// <param name="name">The pointer.</param>
    /// <param name="version">Its initial version.</param>
    /// <returns>The initial state.</returns>
    public static PointerState Initial(string name, string version) => new(name, version, 0, null, null, []);

    /// <summary>Why a flip from this state would be refused; null when it would apply.</summary>
    /// <param name="expectedCurrent">The version the caller expects.</param>
    /// <param name="to">The new version.</param>
    /// <param name="expectedSequence">The sequence the caller expects.</param>
    /// <returns>The reason, naming what the caller expected and what holds.</returns>
    public string? RefuseFlip(string expectedCurrent, string to, long expectedSequence) =>
        expectedCurrent != Current ? $"pointer '{Name}' names {Current}, not the expected {expectedCurrent}"
        : expectedSequence != Sequence ? $"pointer '{Name}' is at sequence {Sequence}, not the expected {expectedSequence}"
        : to == Current ? $"pointer '{Name}' already names {to}"
        : null;

    /// <summary>Applies a flip if its compare-and-set holds.</summary>
    /// <param name="flip">The flip.</param>
    /// <returns>The change; not applied (and this state kept) when the expectations do not hold.</returns>
    public PointerChange Flip(PointerFlip flip)
    {
        ArgumentNullException.ThrowIfNull(flip);
        return RefuseFlip(flip.ExpectedCurrent, flip.To, flip.ExpectedSequence) is { } reason
            ? new PointerChange(false, reason, Current, this)
            : new PointerChange(true, null, Current, MoveTo(flip.To, flip.FlippedAt, flip.FlippedBy));
    }

    /// <summary>Restores the version held before the current one if the sequence still holds.</summary>
    /// <param name="rollback">The rollback.</param>
    /// <returns>The change; not applied when the sequence moved or there is nothing to roll back to.</returns>
    public PointerChange Rollback(PointerRollback rollback)
    {
        ArgumentNullException.ThrowIfNull(rollback);
        var reason = rollback.ExpectedSequence != Sequence ? $"pointer '{Name}' is at sequence {Sequence}, not the expected {rollback.ExpectedSequence}"
            : History.Count == 0 ? $"pointer '{Name}' has never flipped: there is no previous version"
            : null;
        return reason is not null
            ? new PointerChange(false, reason, Current, this)
            : new PointerChange(true, null, Current, MoveTo(History[0].Version, rollback.FlippedAt, rollback.FlippedBy));
    }

    /// <summary>The mirror blob's copy of this state.</summary>
    /// <returns>The mirror.</returns>
    public PointerMirror ToMirror() => new(Name, Current, Sequence, FlippedAt, FlippedBy);

    // A rollback is a change like any other: it gets a new sequence and the state it replaces joins the history,
    // so the history is the full record of what readers saw, and rolling back twice returns to where it started.
    private PointerState MoveTo(string version, DateTimeOffset at, string by) => this with
    {
        Current = version,
        Sequence = Sequence + 1,
        FlippedAt = at,
        FlippedBy = by,
        History = [.. History.Prepend(new PointerHistoryEntry(Current, Sequence, FlippedAt, FlippedBy)).Take(MaxHistory)],
    };
}

using Backfill.Workflows.Models;

namespace Backfill.Workflows.Tests.Models;

/// <summary>The compare-and-set rules the pointer entity applies to every flip and rollback.</summary>
public sealed class PointerStateTests
{
    private static readonly DateTimeOffset At = new(2025, 2, 1, 3, 0, 0, TimeSpan.Zero);

    private static readonly PointerState Initial = PointerState.Initial("features", "features_v1");

    private static PointerFlip FlipTo(string to, string expectedCurrent = "features_v1", long expectedSequence = 0, string by = "bf-1") =>
        new(expectedCurrent, to, expectedSequence, by, At);

    [Fact]
    public void Flip_ExpectationsHold_MovesToNewVersionAndKeepsThePreviousInHistory()
    {
        var change = Initial.Flip(FlipTo("features_v2"));

        Assert.True(change.Applied);
        Assert.Null(change.Reason);
        Assert.Equal("features_v1", change.From);
        Assert.Equal(("features_v2", 1L, At, "bf-1"), (change.State.Current, change.State.Sequence, change.State.FlippedAt!.Value, change.State.FlippedBy));
        Assert.Equal([new PointerHistoryEntry("features_v1", 0, null, null)], change.State.History);
    }

    [Fact]
    public void Flip_ExpectedCurrentDiffers_IsRefusedNotAppliedAndSaysWhy()
    {
        var change = Initial.Flip(FlipTo("features_v2", expectedCurrent: "features_v2"));

        Assert.False(change.Applied);
        Assert.Same(Initial, change.State);
        Assert.Contains("names features_v1, not the expected features_v2", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Flip_ExpectedSequenceStale_IsRefusedNotApplied()
    {
        var once = Initial.Flip(FlipTo("features_v2")).State;
        var back = once.Rollback(new PointerRollback(1, "r-1", At)).State;

        // Current is features_v1 again, as the stale caller expects, but the sequence moved on twice.
        var change = back.Flip(FlipTo("features_v2", expectedSequence: 0));

        Assert.False(change.Applied);
        Assert.Same(back, change.State);
        Assert.Contains("sequence 2, not the expected 0", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Flip_ToTheCurrentVersion_IsRefused()
    {
        var change = Initial.Flip(FlipTo("features_v1"));

        Assert.False(change.Applied);
        Assert.Contains("already names features_v1", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Flip_TwoRacingFromTheSameState_OnlyTheFirstApplies()
    {
        var first = Initial.Flip(FlipTo("features_v2", by: "a"));
        var second = first.State.Flip(FlipTo("features_v2", by: "b"));

        Assert.True(first.Applied);
        Assert.False(second.Applied);
        Assert.Equal("a", second.State.FlippedBy);
    }

    [Fact]
    public void Rollback_AfterFlip_RestoresPreviousVersionWithANewSequence()
    {
        var flipped = Initial.Flip(FlipTo("features_v2")).State;

        var change = flipped.Rollback(new PointerRollback(1, "r-1", At.AddHours(1)));

        Assert.True(change.Applied);
        Assert.Equal(("features_v1", 2L, "r-1"), (change.State.Current, change.State.Sequence, change.State.FlippedBy));
        Assert.Equal(["features_v2", "features_v1"], change.State.History.Select(h => h.Version));
        Assert.Equal([1L, 0L], change.State.History.Select(h => h.Sequence));
    }

    [Fact]
    public void Rollback_NeverFlipped_IsRefused()
    {
        var change = Initial.Rollback(new PointerRollback(0, "r-1", At));

        Assert.False(change.Applied);
        Assert.Contains("no previous version", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rollback_StaleSequence_IsRefused()
    {
        var flipped = Initial.Flip(FlipTo("features_v2")).State;

        var change = flipped.Rollback(new PointerRollback(0, "r-1", At));

        Assert.False(change.Applied);
        Assert.Equal("features_v2", change.State.Current);
    }

    [Fact]
    public void History_ManyChanges_KeepsTheNewestMaxHistory()
    {
        var state = Initial.Flip(FlipTo("features_v2")).State;
        for (var i = 0; i < PointerState.MaxHistory + 20; i++)
        {
            state = state.Rollback(new PointerRollback(state.Sequence, $"r-{i}", At)).State;
        }

        Assert.Equal(PointerState.MaxHistory, state.History.Count);
        Assert.Equal(state.Sequence - 1, state.History[0].Sequence);
        Assert.Equal(PointerState.MaxHistory + 21, state.Sequence);
    }

    [Fact]
    public void ToMirror_CopiesTheStateAtItsSequence()
    {
        var state = Initial.Flip(FlipTo("features_v2")).State;

        var mirror = state.ToMirror();

        Assert.Equal(("features", "features_v2", 1L, (DateTimeOffset?)At, "bf-1"), (mirror.Name, mirror.Current, mirror.Sequence, mirror.FlippedAt, mirror.FlippedBy));
    }
}

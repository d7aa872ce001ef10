using Backfill.Core.Partitions;
using Backfill.Core.Pointers;

namespace Backfill.Core.Tests.Pointers;

public sealed class VersionLifecycleTests
{
    private const string V1 = "features_v1";
    private const string V2 = "features_v2";

    private static Day Day(string day) => Core.Partitions.Day.Parse(day);

    [Fact]
    public void Sync_FirstOperation_StartsWithThePointersVersionLive()
    {
        var state = VersionLifecycle.Empty.Sync(V2);

        Assert.Equal([new VersionEntry(V2, VersionState.Live, null, null)], state.Versions);
        Assert.Same(state, state.Sync(V2));
    }

    [Fact]
    public void Register_VersionNotLive_BecomesACandidateBuiltFromTheDayAfterTheNewestRun()
    {
        var state = VersionLifecycle.Empty.Advance(V1, Day("2025-02-11"), 7).Register(V2, V1);

        Assert.Equal(new VersionEntry(V2, VersionState.Candidate, Day("2025-02-12"), null), state.Find(V2));
        Assert.Equal([V1, V2], state.Built.Select(e => e.Version));
        Assert.Equal(VersionState.Live, state.Register(V1, V1).Find(V1)!.State);
    }

    [Fact]
    public void Register_BeforeAnyRun_FirstRunFixesTheFirstDay()
    {
        var state = VersionLifecycle.Empty.Register(V2, V1).Advance(V1, Day("2025-02-11"), 7);

        Assert.Equal(Day("2025-02-11"), state.Find(V2)!.FirstDay);
    }

    [Fact]
    public void Advance_AfterAFlip_OldLiveIsBuiltForTheRetainWindowThenRetired()
    {
        var state = VersionLifecycle.Empty.Advance(V1, Day("2025-02-10"), 2).Register(V2, V1);

        state = state.Sync(V2);
        Assert.Equal(new VersionEntry(V1, VersionState.Retiring, Day("2025-02-10"), Day("2025-02-10")), state.Find(V1));
        state = state.Advance(V2, Day("2025-02-11"), 2).Advance(V2, Day("2025-02-12"), 2);
        Assert.Equal([V2, V1], state.Built.Select(e => e.Version));

        state = state.Advance(V2, Day("2025-02-13"), 2);

        Assert.Equal(new VersionEntry(V1, VersionState.Retired, Day("2025-02-10"), Day("2025-02-12")), state.Find(V1));
        Assert.Equal([V2], state.Built.Select(e => e.Version));
        Assert.Contains("backfill the missing days into features_v1", state.RefuseRollback(V1), StringComparison.Ordinal);
        Assert.Null(state.RefuseRollback(V2));
    }

    [Fact]
    public void Sync_FlipBeforeAnyRun_WindowStartsAtTheFirstRun()
    {
        var state = VersionLifecycle.Empty.Register(V2, V1).Sync(V2).Advance(V2, Day("2025-02-11"), 2);

        Assert.Equal(new VersionEntry(V1, VersionState.Retiring, null, Day("2025-02-10")), state.Find(V1));
        Assert.Equal(Day("2025-02-11"), state.Find(V2)!.FirstDay);
        Assert.Equal(VersionState.Retiring, state.Advance(V2, Day("2025-02-12"), 2).Find(V1)!.State);
        Assert.Equal(VersionState.Retired, state.Advance(V2, Day("2025-02-13"), 2).Find(V1)!.State);
    }

    [Fact]
    public void Sync_RollbackInsideTheWindow_RestoresTheRetiringVersionLive()
    {
        var state = VersionLifecycle.Empty.Advance(V1, Day("2025-02-10"), 7).Register(V2, V1).Sync(V2).Advance(V2, Day("2025-02-11"), 7);

        state = state.Sync(V1);

        Assert.Equal(VersionState.Live, state.Find(V1)!.State);
        Assert.Equal(new VersionEntry(V2, VersionState.Retiring, Day("2025-02-11"), Day("2025-02-11")), state.Find(V2));
    }

    [Fact]
    public void Retire_LiveVersion_IsRefused_OtherVersionsRetireWithoutLosingTheirEntry()
    {
        var state = VersionLifecycle.Empty.Advance(V1, Day("2025-02-10"), 7).Register(V2, V1);

        var (same, refused) = state.Retire(V1, V1);
        var (retired, applied) = state.Retire(V2, V1);

        Assert.Contains("is live", refused, StringComparison.Ordinal);
        Assert.Equal(state.Sequence, same.Sequence);
        Assert.Null(applied);
        Assert.Equal(VersionState.Retired, retired.Find(V2)!.State);
        Assert.Equal(VersionState.Candidate, retired.Register(V2, V1).Find(V2)!.State);
    }

    [Fact]
    public void Operations_EveryChange_BumpsTheSequence()
    {
        var state = VersionLifecycle.Empty.Sync(V1);
        var advanced = state.Advance(V1, Day("2025-02-10"), 7);

        Assert.True(advanced.Sequence > state.Sequence);
        Assert.True(advanced.Register(V2, V1).Sequence > advanced.Sequence);
    }
}

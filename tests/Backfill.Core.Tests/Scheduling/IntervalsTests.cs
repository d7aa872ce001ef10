using Backfill.Core.Scheduling;

namespace Backfill.Core.Tests.Scheduling;

public sealed class IntervalsTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static (DateTimeOffset, DateTimeOffset) At(int start, int end) => (T0.AddSeconds(start), T0.AddSeconds(end));

    [Fact]
    public void MaxOverlap_Empty_IsZero() => Assert.Equal(0, Intervals.MaxOverlap([]));

    [Fact]
    public void MaxOverlap_BackToBack_IsOne() => Assert.Equal(1, Intervals.MaxOverlap([At(0, 1), At(1, 2), At(2, 3)]));

    [Fact]
    public void MaxOverlap_Staggered_CountsPeak() => Assert.Equal(3, Intervals.MaxOverlap([At(0, 10), At(1, 5), At(2, 4), At(4, 6), At(6, 7)]));
}

using Backfill.Core.Scheduling;

namespace Backfill.Core.Tests.Scheduling;

public sealed class ActivityBudgetTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ActivityBudget Budget(int budget = 16, int reserved = 3) => new(budget, reserved, new Dictionary<string, BudgetGrant>());

    [Fact]
    public void Request_AloneWantingEverything_IsGrantedTheBudgetLessTheReservedSlots()
    {
        var budget = Budget();

        Assert.Equal(13, budget.Request("bf-a", 64, T0));
        Assert.Equal(13, budget.Granted);
    }

    [Fact]
    public void Request_WantingLessThanTheShare_IsGrantedWhatItWants() => Assert.Equal(4, Budget().Request("bf-a", 4, T0));

    [Fact]
    public void Request_TwoBackfills_ShareWhatTheFirstLeft()
    {
        var budget = Budget();

        Assert.Equal(9, budget.Request("bf-a", 9, T0));
        Assert.Equal(4, budget.Request("bf-b", 16, T0));
        Assert.Equal(13, budget.Granted);
    }

    [Fact]
    public void Release_GivesTheSlotsBackToTheNextRequest()
    {
        var budget = Budget();
        budget.Request("bf-a", 13, T0);
        Assert.Equal(1, budget.Request("bf-b", 13, T0));

        budget.Release("bf-a");
        budget.Release("bf-a");

        Assert.Equal(13, budget.Request("bf-b", 13, T0));
    }

    [Fact]
    public void Request_SmallerWant_ReplacesTheGrantAndFreesSlots()
    {
        var budget = Budget();
        budget.Request("bf-a", 13, T0);

        Assert.Equal(2, budget.Request("bf-a", 2, T0));
        Assert.Equal(11, budget.Request("bf-b", 64, T0));
    }

    [Fact]
    public void Request_ShareExhausted_GrantsTheFloorOfOneBeyondTheShare()
    {
        var budget = Budget(budget: 4, reserved: 2);
        budget.Request("bf-a", 4, T0);

        Assert.Equal(1, budget.Request("bf-b", 4, T0));
        Assert.Equal(1, budget.Request("bf-c", 4, T0));
        Assert.Equal(4, budget.Granted);
    }

    [Fact]
    public void Request_ManyBackfills_NeverGrantsTheReservedSlotsBeyondOneFloorEach()
    {
        var budget = Budget(budget: 8, reserved: 3);
        var wants = new[] { 3, 1, 4, 1, 5, 9, 2, 6 };

        var granted = wants.Select((want, i) => budget.Request($"bf-{i}", want, T0)).ToList();

        // Above the share only through floors of 1: each backfill past the share holds exactly one slot.
        Assert.Equal([3, 1, 1, 1, 1, 1, 1, 1], granted);
        Assert.All(granted.Zip(wants), g => Assert.InRange(g.First, 1, g.Second));
    }

    [Fact]
    public void Request_ReRequestOfTheSameBackfill_DoesNotCountItsOwnGrantAgainstIt()
    {
        var budget = Budget();
        budget.Request("bf-a", 10, T0);

        Assert.Equal(13, budget.Request("bf-a", 13, T0));
    }

    [Fact]
    public void Request_OtherGrantNotRenewedForALease_Lapses()
    {
        var budget = Budget();
        budget.Request("bf-lost", 13, T0);
        budget.Request("bf-live", 13, T0.AddMinutes(50));

        Assert.Equal(1, budget.Request("bf-new", 13, T0 + ActivityBudget.Lease));
        Assert.Equal(12, budget.Request("bf-new", 13, T0 + ActivityBudget.Lease + TimeSpan.FromSeconds(1)));
        Assert.Equal(["bf-live", "bf-new"], budget.Holders.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Request_Renewal_KeepsTheGrantAlive()
    {
        var budget = Budget();
        for (var at = T0; at < T0.AddHours(3); at += ActivityBudget.RenewAfter)
        {
            budget.Request("bf-long", 10, at);
        }

        Assert.Equal(3, budget.Request("bf-new", 13, T0.AddHours(3)));
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(2, 3)]
    [InlineData(4, -1)]
    public void Create_NoSlotForBackfillsOrNegativeReserve_Throws(int total, int reserved) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ActivityBudget(total, reserved, new Dictionary<string, BudgetGrant>()));
}

using Backfill.Core.Scheduling;

namespace Backfill.Core.Tests.Scheduling;

public sealed class ActivityBudgetTests
{
    private static ActivityBudget Budget(int budget = 16, int reserved = 3) => new(budget, reserved, new Dictionary<string, int>());

    [Fact]
    public void Request_AloneWantingEverything_IsGrantedTheBudgetLessTheReservedSlots()
    {
        var budget = Budget();

        Assert.Equal(13, budget.Request("bf-a", 64));
        Assert.Equal(13, budget.Granted);
    }

    [Fact]
    public void Request_WantingLessThanTheShare_IsGrantedWhatItWants() => Assert.Equal(4, Budget().Request("bf-a", 4));

    [Fact]
    public void Request_TwoBackfills_ShareWhatTheFirstLeft()
    {
        var budget = Budget();

        Assert.Equal(9, budget.Request("bf-a", 9));
        Assert.Equal(4, budget.Request("bf-b", 16));
        Assert.Equal(13, budget.Granted);
    }

    [Fact]
    public void Release_GivesTheSlotsBackToTheNextRequest()
    {
        var budget = Budget();
        budget.Request("bf-a", 13);
        Assert.Equal(1, budget.Request("bf-b", 13));

        budget.Release("bf-a");
        budget.Release("bf-a");

        Assert.Equal(13, budget.Request("bf-b", 13));
    }

    [Fact]
    public void Request_SmallerWant_ReplacesTheGrantAndFreesSlots()
    {
        var budget = Budget();
        budget.Request("bf-a", 13);

        Assert.Equal(2, budget.Request("bf-a", 2));
        Assert.Equal(11, budget.Request("bf-b", 64));
    }

    [Fact]
    public void Request_ShareExhausted_GrantsTheFloorOfOneBeyondTheShare()
    {
        var budget = Budget(budget: 4, reserved: 2);
        budget.Request("bf-a", 4);

        Assert.Equal(1, budget.Request("bf-b", 4));
        Assert.Equal(1, budget.Request("bf-c", 4));
        Assert.Equal(4, budget.Granted);
    }

    [Fact]
    public void Request_ManyBackfills_NeverGrantsTheReservedSlotsBeyondOneFloorEach()
    {
        var budget = Budget(budget: 8, reserved: 3);
        var wants = new[] { 3, 1, 4, 1, 5, 9, 2, 6 };

        var granted = wants.Select((want, i) => budget.Request($"bf-{i}", want)).ToList();

        // Above the share only through floors of 1: each backfill past the share holds exactly one slot.
        Assert.Equal([3, 1, 1, 1, 1, 1, 1, 1], granted);
        Assert.All(granted.Zip(wants), g => Assert.InRange(g.First, 1, g.Second));
    }

    [Fact]
    public void Request_ReRequestOfTheSameBackfill_DoesNotCountItsOwnGrantAgainstIt()
    {
        var budget = Budget();
        budget.Request("bf-a", 10);

        Assert.Equal(13, budget.Request("bf-a", 13));
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(2, 3)]
    [InlineData(4, -1)]
    public void Create_NoSlotForBackfillsOrNegativeReserve_Throws(int total, int reserved) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ActivityBudget(total, reserved, new Dictionary<string, int>()));
}

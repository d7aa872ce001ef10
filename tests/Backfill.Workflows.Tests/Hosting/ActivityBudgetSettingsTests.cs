using Backfill.Workflows.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Tests.Hosting;

public sealed class ActivityBudgetSettingsTests
{
    private static DailySettings Resolve(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var services = new ServiceCollection().AddBackfillWorkflows(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<DailySettings>>().Value;
    }

    [Fact]
    public void Bind_Defaults_ReserveTheDailyCapOutOfTheBudget()
    {
        var daily = Resolve([]);

        Assert.Equal((3, 3), (daily.MaxParallel, daily.ReservedSlots));
        Assert.Equal(16, new BackfillSettings().ActivityBudget);
    }

    [Fact]
    public void Bind_DailyCapAboveTheReservedSlots_FailsNamingBothSettings()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Daily:MaxParallel"] = "4" }));

        Assert.Contains("Daily:MaxParallel must be at most Daily:ReservedSlots", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_ReservedSlotsLeavingNothingForBackfills_FailsNamingBothSettings()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Backfill:ActivityBudget"] = "3" }));

        Assert.Contains("Daily:ReservedSlots must be below Backfill:ActivityBudget", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_SmallBudgetWithFewerReservedSlots_IsAccepted()
    {
        var daily = Resolve(new() { ["Backfill:ActivityBudget"] = "4", ["Daily:ReservedSlots"] = "2", ["Daily:MaxParallel"] = "2" });

        Assert.Equal(2, daily.ReservedSlots);
    }
}

using Backfill.Core.Events;
using Backfill.Core.Features;

namespace Backfill.Core.Tests.Features;

public sealed class FeatureExpressionTests
{
    private static readonly DailyRollup[] Window =
    [
        new("e1", new DateOnly(2025, 1, 2), new PerEventType<long>(3, 1, 0, 2, 1), new PerEventType<decimal>(0, 0, 0, 30m, -10m)),
        new("e1", new DateOnly(2025, 1, 3), new PerEventType<long>(1, 0, 0, 0, 0), default),
    ];

    [Fact]
    public void Evaluate_CountOfPurchases_SumsOverDays()
    {
        Assert.Equal(2m, new CountEvents(EventTypes.Purchase).Evaluate(WindowTotals.Of(Window)));
        Assert.Equal(8m, new CountEvents(EventTypes.All).Evaluate(WindowTotals.Of(Window)));
    }

    [Fact]
    public void Evaluate_SumWithRefunds_NetsNegativeRefunds()
    {
        Assert.Equal(20m, new SumAmount(EventTypes.Purchase | EventTypes.Refund).Evaluate(WindowTotals.Of(Window)));
        Assert.Equal(30m, new SumAmount(EventTypes.Purchase).Evaluate(WindowTotals.Of(Window)));
    }

    [Fact]
    public void Evaluate_DistinctTypesAndDaysActive_CountDistinct()
    {
        Assert.Equal(4m, new DistinctEventTypes().Evaluate(WindowTotals.Of(Window)));
        Assert.Equal(2m, new DaysActive().Evaluate(WindowTotals.Of(Window)));
    }

    [Fact]
    public void Evaluate_RatioWithZeroDenominator_IsZero()
    {
        var aov = new Ratio(new SumAmount(EventTypes.Purchase), new CountEvents(EventTypes.Purchase));

        Assert.Equal(15m, aov.Evaluate(WindowTotals.Of(Window)));
        Assert.Equal(0m, aov.Evaluate(WindowTotals.Of([Window[1]])));
    }

    [Fact]
    public void CanonicalText_Ratio_RendersBothSides()
    {
        var aov = new Ratio(new SumAmount(EventTypes.Purchase), new CountEvents(EventTypes.Purchase));

        Assert.Equal("ratio(sum(amount | event_type in {purchase}), count(event_type in {purchase}), 0)", aov.CanonicalText);
        Assert.Equal(aov.CanonicalText, aov.ToString());
    }
}

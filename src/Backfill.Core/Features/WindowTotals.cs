namespace Backfill.Core.Features;

/// <summary>
/// One entity's daily rollups summed over a feature window: every feature expression is a function of these
/// totals, so each window is summed once per entity however many features share it.
/// </summary>
/// <param name="Counts">Events per type.</param>
/// <param name="Amounts">Staged amounts per type; refunds are negative.</param>
/// <param name="Types">The event types seen.</param>
/// <param name="DaysActive">Days with at least one event.</param>
public readonly record struct WindowTotals(PerEventType<long> Counts, PerEventType<decimal> Amounts, Events.EventTypes Types, int DaysActive)
{
    /// <summary>Sums rollups, one per day of the window.</summary>
    /// <param name="rollups">The entity's rollups inside the window; one per day.</param>
    /// <returns>The totals.</returns>
    public static WindowTotals Of(IEnumerable<DailyRollup> rollups)
    {
        ArgumentNullException.ThrowIfNull(rollups);
        return rollups.Aggregate(default(WindowTotals), (totals, rollup) => totals.Add(rollup.Counts, rollup.Amounts));
    }

    /// <summary>Returns the totals with one more day added.</summary>
    /// <param name="counts">The day's events per type; a day must be added at most once.</param>
    /// <param name="amounts">The day's staged amounts per type.</param>
    /// <returns>The new totals.</returns>
    public WindowTotals Add(PerEventType<long> counts, PerEventType<decimal> amounts) =>
        new(
            new PerEventType<long>(
                Counts.View + counts.View, Counts.Click + counts.Click, Counts.AddToCart + counts.AddToCart,
                Counts.Purchase + counts.Purchase, Counts.Refund + counts.Refund),
            new PerEventType<decimal>(
                Amounts.View + amounts.View, Amounts.Click + amounts.Click, Amounts.AddToCart + amounts.AddToCart,
                Amounts.Purchase + amounts.Purchase, Amounts.Refund + amounts.Refund),
            Types | DailyRollup.TypesOf(counts),
            DaysActive + (DailyRollup.TotalOf(counts) > 0 ? 1 : 0));
}

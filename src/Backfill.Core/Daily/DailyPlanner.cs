using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;

namespace Backfill.Core.Daily;

/// <summary>Decides which days a daily run processes.</summary>
public static class DailyPlanner
{
    /// <summary>Plans the daily run at <paramref name="runTime"/>.</summary>
    /// <param name="runTime">When the run is scheduled; the only notion of "now".</param>
    /// <param name="committedWatermark">The durable committed watermark; <see langword="null"/> before the first commit (no catchup then).</param>
    /// <param name="committedDays">
    /// The days committed after <paramref name="committedWatermark"/> (beyond a gap); days at or before it count
    /// as committed whether listed or not.
    /// </param>
    /// <param name="options">Lag, rolling days and whether to catch up.</param>
    /// <param name="dependencies">Which features days read which staging days.</param>
    /// <returns>The plan.</returns>
    public static DailyPlan Create(
        DateTimeOffset runTime,
        Day? committedWatermark,
        IReadOnlyCollection<Day> committedDays,
        DailyOptions options,
        LayerDependencies dependencies)
    {
        ArgumentNullException.ThrowIfNull(committedDays);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dependencies);
        var watermark = Watermark.At(runTime, options.LagDays);
        var committed = committedDays.ToHashSet();
        bool IsCommitted(Day day) => day <= committedWatermark || committed.Contains(day);

        Day[] catchup = options.Catchup && committedWatermark is { } from
            ? [.. DaysBetween(from.AddDays(1), watermark.AddDays(-1)).Where(day => !IsCommitted(day)).Take(options.MaxCatchupDays)]
            : [];
        var builtInFull = catchup.Append(watermark).ToHashSet();
        Day[] rolling =
            [.. DaysBetween(watermark.AddDays(-options.RollingDays), watermark.AddDays(-1)).Where(day => !builtInFull.Contains(day))];

        Day[] invalidated = [.. catchup.Concat(rolling)
            .SelectMany(day => dependencies.Downstream(new WorkItem(Layer.Staging, day)))
            .Select(item => item.Partition)
            .Where(day => day <= watermark && IsCommitted(day) && !builtInFull.Contains(day))
            .Distinct()
            .Order()];
        return new DailyPlan(watermark, catchup, rolling, invalidated);
    }

    private static IEnumerable<Day> DaysBetween(Day first, Day last)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}

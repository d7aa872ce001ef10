using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Backfill.Core.Features;
using Backfill.Core.Partitions;

namespace Backfill.Core.Building;

/// <summary>Builds features(D) of a feature version from the daily rollups of its input window.</summary>
public static class FeatureBuilder
{
    private static readonly Comparison<DailyRollup> ByDate = static (a, b) => a.Date.CompareTo(b.Date);

    /// <summary>
    /// Returns one row per entity with events in the activity window ending at D, each feature aggregated over
    /// its own window ending at D. Rollups outside the input window are ignored.
    /// </summary>
    /// <param name="features">The feature version.</param>
    /// <param name="day">The day D.</param>
    /// <param name="rollups">Rollups of staging(D-W+1..D), W = <see cref="FeatureVersion.InputWindowDays"/>.</param>
    /// <returns>The rows in storage order.</returns>
    /// <exception cref="ArgumentException">An entity has two rollups for one day.</exception>
    public static IReadOnlyList<FeatureRow> Build(FeatureVersion features, PartitionKey day, IEnumerable<DailyRollup> rollups)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(rollups);
        var firstInputDay = day.Date.AddDays(1 - features.InputWindowDays);
        var firstActiveDay = day.Date.AddDays(1 - features.ActivityWindowDays);
        var windows = features.Features.Select(feature => feature.WindowDays).Distinct().Order().ToArray();
        var windowOfFeature = features.Features.Select(feature => Array.IndexOf(windows, feature.WindowDays)).ToArray();

        // Grouping by hash and sorting only the distinct entities is far cheaper than sorting every rollup.
        var byEntity = new Dictionary<string, List<DailyRollup>>(StringComparer.Ordinal);
        foreach (var rollup in rollups)
        {
            if (rollup.Date >= firstInputDay && rollup.Date <= day.Date)
            {
                ref var days = ref CollectionsMarshal.GetValueRefOrAddDefault(byEntity, rollup.EntityId, out _);
                (days ??= new List<DailyRollup>(features.InputWindowDays)).Add(rollup);
            }
        }

        var entities = byEntity.Keys.ToArray();
        Array.Sort(entities, StringComparer.Ordinal);

        // Entities are independent, so they are computed in parallel into their sorted slots: same rows, same order.
        var slots = new FeatureRow?[entities.Length];
        var repeatsDay = new bool[entities.Length];
        Parallel.For(0, entities.Length, () => new WindowTotals[windows.Length], (index, _, totals) =>
        {
            var days = byEntity[entities[index]];
            days.Sort(ByDate);
            repeatsDay[index] = RepeatsDay(days);
            if (repeatsDay[index] || !IsActive(days, firstActiveDay))
            {
                return totals;
            }

            for (var w = 0; w < windows.Length; w++)
            {
                totals[w] = SumSuffix(days, day.Date.AddDays(1 - windows[w]));
            }

            var values = ImmutableArray.CreateBuilder<double>(windowOfFeature.Length);
            for (var i = 0; i < windowOfFeature.Length; i++)
            {
                values.Add((double)features.Features[i].Expression.Evaluate(totals[windowOfFeature[i]]));
            }

            slots[index] = new FeatureRow(entities[index], day.Date, values.MoveToImmutable());
            return totals;
        }, _ => { });

        // A repeated day would be counted twice; reported after the loop so the first such entity is named.
        if (Array.IndexOf(repeatsDay, true) is var repeated and >= 0)
        {
            throw new ArgumentException($"Entity {entities[repeated]} has two rollups for one day.", nameof(rollups));
        }

        return [.. slots.OfType<FeatureRow>()];
    }

    private static WindowTotals SumSuffix(List<DailyRollup> days, DateOnly from)
    {
        var totals = default(WindowTotals);
        for (var i = days.Count - 1; i >= 0 && days[i].Date >= from; i--)
        {
            totals = totals.Add(days[i]);
        }

        return totals;
    }

    private static bool RepeatsDay(List<DailyRollup> days)
    {
        for (var i = 1; i < days.Count; i++)
        {
            if (days[i].Date == days[i - 1].Date)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsActive(List<DailyRollup> days, DateOnly firstActiveDay)
    {
        foreach (var rollup in days)
        {
            if (rollup.Date >= firstActiveDay && rollup.TotalCount > 0)
            {
                return true;
            }
        }

        return false;
    }
}

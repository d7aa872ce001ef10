using System.Collections.Immutable;
using Backfill.Core.Features;
using Backfill.Core.Partitions;

namespace Backfill.Core.Building;

/// <summary>Builds features(D) of a feature version from the daily rollups of its input window.</summary>
public static class FeatureBuilder
{
    // More key ranges than cores, so a range dense with active entities does not leave a core idle.
    private const int RangesPerCore = 4;

    /// <summary>
    /// Returns one row per entity with events in the activity window ending at D, each feature aggregated over
    /// its own window ending at D. Rollups outside the input window are ignored.
    /// </summary>
    /// <param name="features">The feature version.</param>
    /// <param name="day">The day D.</param>
    /// <param name="rollups">Rollups of staging(D-W+1..D), W = <see cref="FeatureVersion.InputWindowDays"/>.</param>
    /// <returns>The rows in storage order.</returns>
    /// <exception cref="ArgumentException">An entity has two rollups for one day.</exception>
    public static IReadOnlyList<FeatureRow> Build(FeatureVersion features, Day day, IEnumerable<DailyRollup> rollups) =>
        Build(features, day, RollupDay.Group(rollups));

    /// <summary>The same rows as the row overload, merged from days already sorted by entity id.</summary>
    /// <param name="features">The feature version.</param>
    /// <param name="day">The day D.</param>
    /// <param name="days">Rollup days of staging(D-W+1..D); days outside the input window are ignored.</param>
    /// <returns>The rows in storage order.</returns>
    /// <exception cref="ArgumentException">Two rollup days have the same date.</exception>
    public static IReadOnlyList<FeatureRow> Build(FeatureVersion features, Day day, IEnumerable<RollupDay> days)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(days);
        var plan = new WindowPlan(features, day.Date);
        var window = days.Where(d => d.Date >= plan.FirstInputDay && d.Date <= day.Date).OrderBy(d => d.Date).ToArray();
        for (var i = 1; i < window.Length; i++)
        {
            if (window[i].Date == window[i - 1].Date)
            {
                throw new ArgumentException($"Two rollup days for {window[i].Date:yyyy-MM-dd}.", nameof(days));
            }
        }

        // Entities are independent, so disjoint key ranges merge in parallel and concatenate in order: same rows, same order.
        var bounds = RangeBounds(window);
        var ranges = new List<FeatureRow>[bounds.Count - 1];
        Parallel.For(0, ranges.Length, range => ranges[range] = Merge(plan, window, bounds[range], bounds[range + 1]));
        return [.. ranges.SelectMany(rows => rows)];
    }

    /// <summary>Key range bounds from the largest day's entities; null is open-ended.</summary>
    private static List<string?> RangeBounds(RollupDay[] window)
    {
        var largest = window.MaxBy(d => d.Count);
        var ranges = Environment.ProcessorCount * RangesPerCore;
        var bounds = new List<string?> { null };
        if (largest is not null)
        {
            bounds.AddRange(Enumerable.Range(1, ranges - 1)
                .Select(i => (int)((long)largest.Count * i / ranges))
                .Where(row => row > 0)
                .Distinct()
                .Select(largest.EntityAt));
        }

        bounds.Add(null);
        return bounds;
    }

    /// <summary>A k-way merge of the days' rows in [from, to): each entity's days are summed as its key comes up.</summary>
    private static List<FeatureRow> Merge(WindowPlan plan, RollupDay[] window, string? from, string? to)
    {
        var next = new int[window.Length];
        var end = new int[window.Length];
        var heads = new string?[window.Length];
        for (var d = 0; d < window.Length; d++)
        {
            next[d] = from is null ? 0 : window[d].LowerBound(from);
            end[d] = to is null ? window[d].Count : window[d].LowerBound(to);
            heads[d] = next[d] < end[d] ? window[d].EntityAt(next[d]) : null;
        }

        var rows = new List<FeatureRow>();
        var totals = new WindowTotals[plan.Windows.Length];
        while (true)
        {
            string? entity = null;
            foreach (var head in heads)
            {
                if (head is not null && (entity is null || string.CompareOrdinal(head, entity) < 0))
                {
                    entity = head;
                }
            }

            if (entity is null)
            {
                return rows;
            }

            Array.Clear(totals);
            var active = false;
            for (var d = 0; d < window.Length; d++)
            {
                if (!string.Equals(heads[d], entity, StringComparison.Ordinal))
                {
                    continue;
                }

                var (counts, amounts, date) = (window[d].CountsAt(next[d]), window[d].AmountsAt(next[d]), window[d].Date);
                next[d]++;
                heads[d] = next[d] < end[d] ? window[d].EntityAt(next[d]) : null;
                for (var w = 0; w < totals.Length; w++)
                {
                    if (date >= plan.WindowStarts[w])
                    {
                        totals[w] = totals[w].Add(counts, amounts);
                    }
                }

                active |= date >= plan.FirstActiveDay && DailyRollup.TotalOf(counts) > 0;
            }

            if (active)
            {
                rows.Add(plan.Row(entity, totals));
            }
        }
    }

    /// <summary>The windows of one feature version at one day: each distinct window is summed once per entity.</summary>
    private sealed class WindowPlan
    {
        private readonly FeatureVersion _features;
        private readonly int[] _windowOfFeature;
        private readonly DateOnly _day;

        public WindowPlan(FeatureVersion features, DateOnly day)
        {
            _features = features;
            _day = day;
            Windows = [.. features.Features.Select(feature => feature.WindowDays).Distinct().Order()];
            _windowOfFeature = [.. features.Features.Select(feature => Array.IndexOf(Windows, feature.WindowDays))];
            WindowStarts = [.. Windows.Select(days => day.AddDays(1 - days))];
            FirstInputDay = day.AddDays(1 - features.InputWindowDays);
            FirstActiveDay = day.AddDays(1 - features.ActivityWindowDays);
        }

        public int[] Windows { get; }

        public DateOnly[] WindowStarts { get; }

        public DateOnly FirstInputDay { get; }

        public DateOnly FirstActiveDay { get; }

        public FeatureRow Row(string entity, WindowTotals[] totals)
        {
            var values = ImmutableArray.CreateBuilder<double>(_windowOfFeature.Length);
            for (var i = 0; i < _windowOfFeature.Length; i++)
            {
                values.Add((double)_features.Features[i].Expression.Evaluate(totals[_windowOfFeature[i]]));
            }

            return new FeatureRow(entity, _day, values.MoveToImmutable());
        }
    }
}

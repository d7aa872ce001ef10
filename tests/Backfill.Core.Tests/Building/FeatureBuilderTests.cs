using Backfill.Core.Building;
using Backfill.Core.Events;
using Backfill.Core.Features;
using Backfill.Core.Generation;
using Backfill.Core.Partitions;

namespace Backfill.Core.Tests.Building;

public sealed class FeatureBuilderTests
{
    private static readonly Day Day = Day.Parse("2025-02-01");

    // The second case has enough entities that the merge splits them into many key ranges.
    [Theory]
    [InlineData(400, 60)]
    [InlineData(3000, 2500)]
    public void Build_GeneratedMonth_MatchesFeaturesComputedFromEvents(int eventsPerDay, int entities)
    {
        var generator = new EventGenerator(new EventGeneratorOptions { EventsPerDay = eventsPerDay, EntityCount = entities });
        var staged = Enumerable.Range(0, 28).Select(offset => Day.AddDays(-offset)).ToDictionary(
            day => day,
            day => StagingBuilder.Build(day, generator.Generate(day.Date)
                .Select(line => EventLine.Parse(line.Text).Event)
                .OfType<Event>()
                .Select(e => new ArrivedEvent(e, e.EventTime))).Events);

        foreach (var features in FeatureVersions.All)
        {
            var rows = FeatureBuilder.Build(features, Day, staged.Keys.SelectMany(day => StagingBuilder.Rollup(day, staged[day])));

            Assert.Equal(Oracle(features, staged.Values.SelectMany(events => events).Select(row => row.Event).ToList()), rows);
        }
    }

    [Fact]
    public void Build_EntityOnlyActive28DaysAgo_GetsNoRow()
    {
        var old = new DailyRollup("e1", Day.Date.AddDays(-10), new PerEventType<long>(0, 0, 0, 1, 0), default);

        Assert.Empty(FeatureBuilder.Build(FeatureVersions.V2, Day, [old]));
    }

    [Fact]
    public void Build_RollupsOutsideInputWindow_AreIgnored()
    {
        var today = new DailyRollup("e1", Day.Date, new PerEventType<long>(1, 0, 0, 0, 0), default);
        var tooOld = new DailyRollup("e1", Day.Date.AddDays(-7), new PerEventType<long>(5, 0, 0, 0, 0), default);
        var future = new DailyRollup("e1", Day.Date.AddDays(1), new PerEventType<long>(5, 0, 0, 0, 0), default);

        var row = Assert.Single(FeatureBuilder.Build(FeatureVersions.V1, Day, [today, tooOld, future]));

        Assert.Equal(1.0, row.Values[FeatureIndex(FeatureVersions.V1, "events_7d")]);
    }

    [Fact]
    public void Build_TwoRollupsForOneEntityDay_Throws()
    {
        var rollup = new DailyRollup("e1", Day.Date, new PerEventType<long>(1, 0, 0, 0, 0), default);

        Assert.Throws<ArgumentException>(() => FeatureBuilder.Build(FeatureVersions.V1, Day, [rollup, rollup]));
    }

    [Fact]
    public void Build_TwoRollupDaysWithOneDate_ThrowsNamingTheDate()
    {
        var day = RollupDay.Group([new DailyRollup("e1", Day.Date, new PerEventType<long>(1, 0, 0, 0, 0), default)])[0];

        var error = Assert.Throws<ArgumentException>(() => FeatureBuilder.Build(FeatureVersions.V1, Day, [day, day]));

        Assert.Contains("2025-02-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EntitiesMissingOnSomeDays_SumsOnlyTheDaysEachHas()
    {
        RollupDay Views(int daysAgo, params string[] entities) => new(
            Day.Date.AddDays(-daysAgo), entities, [.. entities.Select(_ => new PerEventType<long>(1, 0, 0, 0, 0))], new PerEventType<decimal>[entities.Length]);
        RollupDay[] days = [Views(2, "a", "c"), Views(1, "b"), Views(0, "a", "b", "d")];

        var rows = FeatureBuilder.Build(FeatureVersions.V1, Day, days);

        var events7d = FeatureIndex(FeatureVersions.V1, "events_7d");
        Assert.Equal([("a", 2.0), ("b", 2.0), ("c", 1.0), ("d", 1.0)], rows.Select(row => (row.EntityId, row.Values[events7d])));
    }

    /// <summary>The features written out longhand over raw events, independent of rollups and expressions.</summary>
    private static List<FeatureRow> Oracle(FeatureVersion features, List<Event> events)
    {
        var rows = new List<FeatureRow>();
        foreach (var entity in events.GroupBy(e => e.EntityId).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            List<Event> Last(int days) => [.. entity.Where(e => e.EventDate > Day.Date.AddDays(-days) && e.EventDate <= Day.Date)];
            if (Last(7).Count == 0)
            {
                continue;
            }

            var values = features.Features.Select(feature => feature.Name switch
            {
                "events_1d" => Last(1).Count,
                "purchases_1d" => Last(1).Count(e => e.EventType == EventType.Purchase),
                "amount_1d" => (double)Last(1).Where(e => e.EventType is EventType.Purchase or EventType.Refund).Sum(e => e.Amount!.Value),
                "events_7d" => Last(7).Count,
                "purchases_7d" => Last(7).Count(e => e.EventType == EventType.Purchase),
                "amount_7d" when features == FeatureVersions.V1 =>
                    (double)Last(7).Where(e => e.EventType is EventType.Purchase or EventType.Refund).Sum(e => e.Amount!.Value),
                "amount_7d" => (double)Last(7).Where(e => e.EventType == EventType.Purchase).Sum(e => e.Amount!.Value),
                "distinct_event_types_7d" => Last(7).Select(e => e.EventType).Distinct().Count(),
                "days_active_7d" => Last(7).Select(e => e.EventDate).Distinct().Count(),
                "avg_order_value_7d" => Last(7).Any(e => e.EventType == EventType.Purchase)
                    ? (double)Last(7).Where(e => e.EventType == EventType.Purchase).Average(e => e.Amount!.Value)
                    : 0,
                "purchases_28d" => Last(28).Count(e => e.EventType == EventType.Purchase),
                _ => throw new InvalidOperationException(feature.Name),
            });
            rows.Add(new FeatureRow(entity.Key, Day.Date, [.. values]));
        }

        return rows;
    }

    private static int FeatureIndex(FeatureVersion features, string name) =>
        features.Features.Select(feature => feature.Name).ToList().IndexOf(name);
}

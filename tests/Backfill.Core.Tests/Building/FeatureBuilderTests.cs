using Backfill.Core.Building;
using Backfill.Core.Events;
using Backfill.Core.Features;
using Backfill.Core.Generation;
using Backfill.Core.Partitions;

namespace Backfill.Core.Tests.Building;

public sealed class FeatureBuilderTests
{
    private static readonly PartitionKey Day = PartitionKey.Parse("2025-02-01");

    [Fact]
    public void Build_GeneratedMonth_MatchesFeaturesComputedFromEvents()
    {
        var generator = new EventGenerator(new EventGeneratorOptions { EventsPerDay = 400, EntityCount = 60 });
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

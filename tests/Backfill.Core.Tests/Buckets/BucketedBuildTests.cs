using Backfill.Core.Buckets;
using Backfill.Core.Building;
using Backfill.Core.Events;
using Backfill.Core.Features;
using Backfill.Core.Generation;
using Backfill.Core.Landing;
using Backfill.Core.Partitions;

namespace Backfill.Core.Tests.Buckets;

/// <summary>
/// The premise of bucketed builds: every layer's rows of an entity depend only on that entity's rows upstream, so
/// building bucket by bucket and concatenating gives the whole-day build, row for row.
/// </summary>
public sealed class BucketedBuildTests
{
    private const int Days = 28;
    private static readonly Day Last = Day.Parse("2025-02-28");

    // Days built from generated lines: duplicate deliveries, malformed lines, and arrivals up to the lateness
    // window; each raw(D) is cut at a processing time a few hours after D, so some late lines are left out.
    private static readonly Lazy<Dictionary<Day, IReadOnlyList<ArrivedEvent>>> Raw = new(() =>
    {
        var generator = new EventGenerator(new EventGeneratorOptions
        {
            EventsPerDay = 1_500,
            EntityCount = 800,
            DuplicateRate = 0.05,
        });
        return Enumerable.Range(0, Days).Select(offset => Last.AddDays(-offset)).ToDictionary(
            day => day,
            day =>
            {
                var lines = generator.Generate(day.Date)
                    .Select((line, index) => new LandedLine(line.ArrivalTime, "generated", index, line.Text));
                var processingTime = day.AddDays(1).Date.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc);
                return RawBuilder.Build(day, processingTime, lines).Events;
            });
    });

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(64)]
    public void Build_BucketByBucket_EqualsTheWholeDayBuild(int buckets)
    {
        var count = BucketCount.Of(buckets);
        var whole = Raw.Value.ToDictionary(pair => pair.Key, pair => StagingBuilder.Build(pair.Key, pair.Value));
        var bucketed = Raw.Value.ToDictionary(
            pair => pair.Key,
            pair => BucketSplit.Split(pair.Value, row => row.Event.EntityId, count)
                .Select(rows => StagingBuilder.Build(pair.Key, rows))
                .ToArray());
        Assert.True(whole.Values.Sum(build => build.DuplicatesDropped) > 0, "The generated days should hold duplicates.");
        Assert.Contains(Raw.Value.Values.SelectMany(rows => rows), row => DateOnly.FromDateTime(row.ArrivalTime) > row.Event.EventDate);

        foreach (var day in whole.Keys)
        {
            Assert.Equal(whole[day].Events, Sorted(bucketed[day].SelectMany(build => build.Events), ArrivedEvent.StorageOrder));
            Assert.Equal(
                whole[day].Rollups,
                bucketed[day].SelectMany(build => build.Rollups).OrderBy(rollup => rollup.EntityId, StringComparer.Ordinal));
            Assert.Equal(whole[day].DuplicatesDropped, bucketed[day].Sum(build => build.DuplicatesDropped));
        }

        foreach (var features in FeatureVersions.All)
        {
            var expected = FeatureBuilder.Build(features, Last, whole.Values.SelectMany(build => build.Rollups));
            var actual = Enumerable.Range(0, buckets).SelectMany(bucket =>
                FeatureBuilder.Build(features, Last, bucketed.Values.SelectMany(builds => builds[bucket].Rollups)));

            Assert.NotEmpty(expected);
            Assert.Equal(expected, Sorted(actual, FeatureRow.StorageOrder));
        }
    }

    private static List<T> Sorted<T>(IEnumerable<T> rows, IComparer<T> order)
    {
        var list = rows.ToList();
        list.Sort(order);
        return list;
    }
}

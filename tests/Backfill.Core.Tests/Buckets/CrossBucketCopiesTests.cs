using Backfill.Core.Buckets;
using Backfill.Core.Building;
using Backfill.Core.Events;
using Backfill.Core.Partitions;

namespace Backfill.Core.Tests.Buckets;

public sealed class CrossBucketCopiesTests
{
    private static readonly Day Day = Day.Parse("2025-01-03");
    private static readonly DateTime Midnight = new(2025, 1, 3, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(2, 1)]
    [InlineData(8, 2)]
    [InlineData(8, 3)]
    [InlineData(64, 4)]
    public void Losing_DroppedPerBucket_StagesWhatAWholeDayStages(int buckets, int seed)
    {
        var count = BucketCount.Of(buckets);
        var copies = Copies(new Random(seed));

        var whole = StagingBuilder.Build(Day, copies).Events;

        // Each id range is judged alone, then each bucket drops its losing copies and de-duplicates within itself.
        var losing = Enumerable.Range(0, buckets)
            .SelectMany(range => CrossBucketCopies.Losing(copies.Where(copy => CrossBucketCopies.IdRangeOf(copy.Event.EventId, count) == range).Select(copy => copy.Key), count))
            .ToHashSet();
        var split = BucketSplit.Split(copies.Where(copy => !losing.Contains(copy.Key)), copy => copy.Event.EntityId, count)
            .SelectMany(bucket => StagingBuilder.Build(Day, bucket).Events)
            .Order(ArrivedEvent.StorageOrder);

        Assert.NotEmpty(losing);
        Assert.Equal(whole, split);
    }

    [Fact]
    public void Losing_CopiesOfOneIdInTwoBuckets_DropsThoseOutsideTheFirstArrivalsBucket()
    {
        var count = BucketCount.Of(8);
        var (a, b) = EntitiesInTwoBuckets(count);
        var first = Copy("ev-1", a, arrivalHour: 3);
        var later = Copy("ev-1", b, arrivalHour: 5);
        var laterStill = Copy("ev-1", b, arrivalHour: 9);
        var sameBucketAgain = Copy("ev-1", a, arrivalHour: 7);

        Assert.Equal([later.Key, laterStill.Key], CrossBucketCopies.Losing([laterStill.Key, sameBucketAgain.Key, later.Key, first.Key], count));
    }

    [Fact]
    public void Losing_EqualArrivals_KeepTheBucketOfTheFirstInStorageOrder()
    {
        var count = BucketCount.Of(8);
        var (a, b) = EntitiesInTwoBuckets(count);
        var (low, high) = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);

        Assert.Equal([Copy("ev-1", high, 4).Key], CrossBucketCopies.Losing([Copy("ev-1", high, 4).Key, Copy("ev-1", low, 4).Key], count));
    }

    [Fact]
    public void Losing_OneBucketOrOneEntityPerId_DropsNothing()
    {
        var copies = Copies(new Random(7)).GroupBy(copy => copy.Event.EventId).Select(id => id.First()).ToList();

        Assert.Empty(CrossBucketCopies.Losing(Copies(new Random(7)).Select(copy => copy.Key), BucketCount.One));
        Assert.Empty(CrossBucketCopies.Losing(copies.Concat(copies.Select(copy => copy with { ArrivalTime = copy.ArrivalTime.AddHours(1) })).Select(copy => copy.Key), BucketCount.Of(16)));
    }

    // 400 ids, a third of them resent (some under another entity, as two producers reusing ids would), arrivals often equal.
    private static List<ArrivedEvent> Copies(Random random)
    {
        var copies = new List<ArrivedEvent>();
        for (var i = 0; i < 400; i++)
        {
            var id = $"ev-{i:D4}";
            copies.Add(Copy(id, $"e{random.Next(60):D3}", random.Next(24)));
            while (random.NextDouble() < 0.35)
            {
                copies.Add(Copy(id, random.NextDouble() < 0.5 ? copies[^1].Event.EntityId : $"e{random.Next(60):D3}", random.Next(24)));
            }
        }

        return copies;
    }

    private static (string A, string B) EntitiesInTwoBuckets(BucketCount count)
    {
        var a = "e000";
        var b = Enumerable.Range(1, 100).Select(i => $"e{i:D3}").First(e => EntityBucket.Of(e, count) != EntityBucket.Of(a, count));
        return (a, b);
    }

    private static ArrivedEvent Copy(string id, string entity, int arrivalHour) =>
        new(new Event(id, entity, Midnight.AddHours(1), EventType.View, null, "s"), Midnight.AddHours(arrivalHour));
}

using Backfill.Core.Buckets;
using Backfill.Core.Building;
using Backfill.Core.Events;
using Backfill.Core.Generation;
using Backfill.Core.Landing;
using Backfill.Core.Partitions;

namespace Backfill.Core.Tests.Landing;

/// <summary>
/// The premise of the raw map step: a day's raw build over each bucket's mapped lines gives exactly that bucket's part
/// of the whole-day build, and bucket 0 alone quarantines the malformed lines.
/// </summary>
public sealed class LineBucketTests
{
    private static readonly Day Day = Day.Parse("2025-03-10");

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(64)]
    public void RawBuild_OverEachBucketsMappedLines_AddsUpToTheWholeDay(int buckets)
    {
        var count = BucketCount.Of(buckets);
        var generator = new EventGenerator(new EventGeneratorOptions { EventsPerDay = 2_000, EntityCount = 500, DuplicateRate = 0.05, MalformedRate = 0.02 });
        // Neighbouring days land in the same hours: a bucket's lines hold other days' events, which the build skips.
        var lines = new[] { Day.AddDays(-1), Day, Day.AddDays(1) }.SelectMany(day => generator.Generate(day.Date))
            .Select((line, index) => new LandedLine(Hour(line.ArrivalTime), "generated", index + 1, line.Text)).ToList();
        var processingTime = Day.AddDays(2).Date.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
        var whole = RawBuilder.Build(Day, processingTime, lines);

        var mapped = lines.ToLookup(line => LineBucket.Of(line.Text, count));
        var bucketed = Enumerable.Range(0, buckets).Select(bucket => (Bucket: bucket, Build: RawBuilder.Build(Day, processingTime, mapped[bucket]))).ToList();

        Assert.NotEmpty(whole.Quarantined);
        Assert.All(bucketed, part => Assert.All(part.Build.Events, row => Assert.Equal(part.Bucket, EntityBucket.Of(row.Event.EntityId, count))));
        Assert.Equal(whole.Events, bucketed.SelectMany(part => part.Build.Events).Order(ArrivedEvent.StorageOrder));
        Assert.Equal(whole.Quarantined, bucketed[0].Build.Quarantined);
        Assert.All(bucketed.Skip(1), part => Assert.Empty(part.Build.Quarantined));
        Assert.Equal(whole.LandedLines, bucketed.Sum(part => part.Build.LandedLines));
    }

    private static DateTime Hour(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);
}

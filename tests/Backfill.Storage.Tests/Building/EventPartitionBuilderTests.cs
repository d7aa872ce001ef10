using Backfill.Core.Events;
using Backfill.Core.Generation;
using Backfill.Core.Landing;
using Backfill.Core.Partitions;
using Backfill.Storage.Building;
using Backfill.Storage.Reading;
using Backfill.Storage.Tests.Support;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Building;

public sealed class EventPartitionBuilderTests(AzuriteFixture azurite)
{
    private static readonly Day Day = Day.Parse("2025-01-03");
    private static readonly EventGeneratorOptions Noisy = Pipeline.SmallVolume with { EventsPerDay = 2_000, MalformedRate = 0.02, DuplicateRate = 0.05 };

    [Fact]
    public async Task RawAsync_MalformedLines_EachQuarantinedOnceWithReason()
    {
        var pipeline = new Pipeline(await TestLake.CreateAsync(azurite));
        await pipeline.SeedAsync(Day, 1, Noisy);
        var generated = new EventGenerator(Noisy).Generate(Day.Date).ToList();
        var malformed = generated.Count(line => EventLine.Parse(line.Text).Event is null);

        var quarantined = new List<QuarantinedLine>();
        var counted = 0;
        for (var day = Day; day <= Day.AddDays(5); day = day.AddDays(1))
        {
            var raw = await pipeline.RawAsync(day, Pipeline.At(Day.AddDays(10)));
            counted += raw.Commit.QuarantinedCount;
            quarantined.AddRange(await pipeline.Reader.ReadQuarantineAsync(raw.Commit, TestContext.Current.CancellationToken));
        }

        Assert.InRange(malformed, 20, 80);
        Assert.Equal(malformed, counted);
        Assert.Equal(malformed, quarantined.Count);
        Assert.Equal(
            [QuarantineReason.MalformedJson, QuarantineReason.MissingField, QuarantineReason.WrongType],
            quarantined.Select(line => line.Reason).Distinct().Order());
        Assert.All(quarantined, line => Assert.False(string.IsNullOrEmpty(line.Detail)));
    }

    [Fact]
    public async Task StagingAsync_DuplicateDeliveries_RawKeepsThemStagingHasUniqueEventIds()
    {
        var pipeline = new Pipeline(await TestLake.CreateAsync(azurite));
        await pipeline.SeedAsync(Day, 1, Noisy);
        var events = new EventGenerator(Noisy).Generate(Day.Date).Select(line => EventLine.Parse(line.Text).Event).OfType<Event>().ToList();
        var ct = TestContext.Current.CancellationToken;

        var raw = await pipeline.RawAsync(Day, Pipeline.At(Day.AddDays(10)));
        var staging = await pipeline.StagingAsync(Day);
        var staged = await pipeline.Reader.ReadEventsAsync(staging.Commit, ct);

        Assert.Equal(events.Count, raw.Commit.RowCount);
        Assert.True(events.Count - events.DistinctBy(e => e.EventId).Count() > 50);
        Assert.Equal(events.Select(e => e.EventId).Distinct().Order(StringComparer.Ordinal), staged.Select(row => row.Event.EventId).Order(StringComparer.Ordinal));
        Assert.All(staged, row => Assert.True(row.Event.EventType != EventType.Refund || row.Event.Amount <= 0));
        Assert.Equal(2, staging.Commit.Files.Count);
    }

    [Fact]
    public async Task RawAsync_AsOfLaterProcessingTime_HasTheLateEventsEarlierLacks()
    {
        var pipeline = new Pipeline(await TestLake.CreateAsync(azurite));
        await pipeline.SeedAsync(Day, 1);
        var ct = TestContext.Current.CancellationToken;
        var dayAfter = Pipeline.At(Day.AddDays(1), 2);

        var early = await pipeline.Reader.ReadEventsAsync((await pipeline.RawAsync(Day, dayAfter)).Commit, ct);
        var late = await pipeline.Reader.ReadEventsAsync((await pipeline.RawAsync(Day, Pipeline.At(Day.AddDays(3), 2))).Commit, ct);

        var missing = late.Except(early).ToList();
        Assert.Subset(late.ToHashSet(), early.ToHashSet());
        Assert.NotEmpty(missing);
        Assert.All(early, row => Assert.True(row.ArrivalTime.AddHours(1) <= dayAfter));
        Assert.All(missing, row => Assert.True(row.ArrivalTime.AddHours(1) > dayAfter));
    }

    [Fact]
    public async Task StagingAsync_NoRawPartition_ThrowsMissingPartition()
    {
        var pipeline = new Pipeline(await TestLake.CreateAsync(azurite));

        var error = await Assert.ThrowsAsync<MissingPartitionException>(() => pipeline.StagingAsync(Day));

        Assert.Equal((Datasets.Raw, Day), (error.Dataset, error.Partition));
    }
}

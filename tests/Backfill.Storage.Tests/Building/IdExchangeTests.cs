using Azure.Storage.Blobs.Models;
using Backfill.Core.Buckets;
using Backfill.Core.Events;
using Backfill.Core.Features;
using Backfill.Core.Generation;
using Backfill.Core.Partitions;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Landing;
using Backfill.Storage.Layout;
using Backfill.Storage.Tests.Support;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Building;

public sealed class IdExchangeTests(AzuriteFixture azurite)
{
    private static readonly Day First = Day.Parse("2025-05-01");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(WriteMode.Overwrite)]
    [InlineData(WriteMode.Merge)]
    public async Task Staging_IdsRepeatedUnderOtherEntities_EightBucketsKeepWhatAWholeDayKeeps(WriteMode mode)
    {
        var whole = new Pipeline(await TestLake.CreateAsync(azurite));
        var split = new Pipeline(await TestLake.CreateAsync(azurite));
        foreach (var (pipeline, buckets) in new[] { (whole, 1), (split, 8) })
        {
            await SeedTwoProducersAsync(pipeline);
            if (mode == WriteMode.Merge)
            {
                // A first build of what had landed a day later (raw in 2 buckets), then the merge of everything.
                await pipeline.RawAsync(First, Pipeline.At(First.AddDays(1), 1), WriteMode.Overwrite, buckets == 1 ? 1 : 2);
                await pipeline.StagingAsync(First, WriteMode.Overwrite, buckets);
            }

            // Raw in 4 buckets under staging's 8: each ids step reads the raw files that hold its bucket.
            await pipeline.RawAsync(First, Pipeline.At(First.AddDays(7)), mode, buckets == 1 ? 1 : 4);
            Assert.Equal(CommitStatus.Published, (await pipeline.StagingAsync(First, mode, buckets)).Status);
        }

        // The scenario holds: ids repeated under entities of two buckets, which a bucket alone cannot de-duplicate.
        var raw = await whole.Reader.ReadEventsAsync((await whole.Reader.GetLiveCommitAsync(Datasets.Raw, First, Ct))!, Ct);
        Assert.NotEmpty(CrossBucketCopies.Losing(raw.Select(copy => copy.Key), BucketCount.Of(8)));

        var expected = await LiveStagingAsync(whole);
        var actual = await LiveStagingAsync(split);
        Assert.Equal(expected.Events.Count, expected.Events.Select(row => row.Event.EventId).Distinct().Count());
        Assert.Equal(expected.Events, actual.Events);
        Assert.Equal(expected.Rollups, actual.Rollups);
    }

    [Fact]
    public async Task Stage_AnIdRangeUnresolvedOrItsCopiesSwept_StartsTheDayAgainAndListsAnew()
    {
        var time = new ShiftedTimeProvider();
        var lake = await TestLake.CreateAsync(azurite, time);
        var pipeline = new Pipeline(lake);
        await SeedTwoProducersAsync(pipeline);
        await pipeline.RawAsync(First, Pipeline.At(First.AddDays(7)));
        var request = new CommitRequest(Datasets.Staging, First, WriteMode.Overwrite, TestLake.Run());
        var builder = new StagingPartitionBuilder(pipeline.Reader, pipeline.Exchange, First);
        var pins = await pipeline.Buckets.PinAsync(request, "0190f0f0f0f07000800000000000eeee", BucketCount.Of(4), builder, Ct);
        Assert.Equal(4, pins.IdRanges);
        for (var bucket = 0; bucket < 4; bucket++)
        {
            Assert.True(await pipeline.Exchange.ListAsync(pins, bucket, Ct) > 0);
        }

        // Three of four ranges resolved: no bucket may stage, since the fourth could drop any bucket's ids.
        for (var range = 0; range < 3; range++)
        {
            await pipeline.Exchange.ResolveAsync(pins, range, Ct);
        }

        var unresolved = await Assert.ThrowsAsync<DayMovedException>(
            () => pipeline.Buckets.StageBucketAsync(request, pins.CommitId, 0, builder, PassingValidator.Instance, Ct));
        Assert.Contains("1 of 4 id ranges", unresolved.Message, StringComparison.Ordinal);

        // Redelivered within half the retention, a listed bucket is not read again.
        Assert.Equal(0, await pipeline.Exchange.ListAsync(pins, 2, Ct));

        // Bucket 2's copies of range 3 are gone (swept): resolving it starts the day again, and bucket 2 is listed anew.
        var folder = LakePaths.IdExchange(pins.Inputs.Single().CommitId, 4);
        await TestLake.Container(azurite, lake).GetBlobClient(folder + "range=003/bucket=002.parquet").DeleteAsync(cancellationToken: Ct);
        var swept = await Assert.ThrowsAsync<DayMovedException>(() => pipeline.Exchange.ResolveAsync(pins, 3, Ct));
        Assert.Contains("bucket 2 has no copies of id range 3", swept.Message, StringComparison.Ordinal);
        Assert.True(await pipeline.Exchange.ListAsync(pins, 2, Ct) > 0);
        await pipeline.Exchange.ResolveAsync(pins, 3, Ct);
        await pipeline.Buckets.StageBucketAsync(request, pins.CommitId, 0, builder, PassingValidator.Instance, Ct);

        // The sweep takes the exchange once older than the retention, not before.
        Assert.Equal(0, await pipeline.Exchange.SweepAsync(Ct));
        time.Advance(lake.Settings.GarbageRetention + TimeSpan.FromHours(1));
        Assert.True(await pipeline.Exchange.SweepAsync(Ct) >= 4 * 4 + 4 + 4);
        Assert.Empty(TestLake.Container(azurite, lake).GetBlobs(BlobTraits.None, BlobStates.None, LakePaths.IdExchangeRoot, Ct));
    }

    // Two producers land the same day, and their event ids repeat: the second's ids name other entities.
    private static async Task SeedTwoProducersAsync(Pipeline pipeline)
    {
        await pipeline.SeedAsync(First, 1);
        var other = new EventGenerator(Pipeline.SmallVolume with { Seed = 7 });
        await new LandingWriter(pipeline.Lake).WriteAsync($"other-{First}", other.Generate(First.Date), Ct);
    }

    private static async Task<(List<ArrivedEvent> Events, RollupDay Rollups)> LiveStagingAsync(Pipeline pipeline)
    {
        var commit = (await pipeline.Reader.GetLiveCommitAsync(Datasets.Staging, First, Ct))!;
        return ([.. (await pipeline.Reader.ReadEventsAsync(commit, Ct)).Order(ArrivedEvent.StorageOrder)], await pipeline.Reader.ReadRollupsAsync(commit, Ct));
    }
}

using Backfill.Core.Buckets;
using Backfill.Core.Events;
using Backfill.Core.Generation;
using Backfill.Core.Landing;
using Backfill.Core.Partitions;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Landing;
using Backfill.Storage.Tests.Support;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Landing;

/// <summary>
/// The raw map step: a day's pinned landing files split into buckets once, so each bucket step reads its share and no
/// step reads the day.
/// </summary>
public sealed class LandingMapTests(AzuriteFixture azurite)
{
    private static readonly Day First = Day.Parse("2025-05-01");
    private static readonly Day Day = First.AddDays(1);
    private static readonly BucketCount Eight = BucketCount.Of(8);
    private static readonly EventGeneratorOptions Volume = new() { EventsPerDay = 600, EntityCount = 120, MalformedRate = 0.02 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadBucket_AfterTheMap_GivesEachLineOfTheWindowToOneBucketInFileAndLineOrder()
    {
        var (lake, landing) = await SeededAsync();
        var processingTime = Pipeline.At(Day.AddDays(6));
        var pins = await landing.PinAsync(Day, processingTime, 8_192, Ct);
        Assert.True(pins.Count(file => file.Pieces == 1) > 1 && pins.Any(file => file.Pieces > 1), "the window should take small files and files larger than the bound");
        Assert.Contains(pins.Where(file => file.Pieces == 1).GroupBy(file => file.Group), group => group.Count() > 1);

        var mapped = 0L;
        for (var group = 0; group < LandingPin.GroupCount(pins); group++)
        {
            mapped += await landing.Map.MapAsync(pins, group, Eight, Ct);
        }

        var whole = await landing.ReadAsync(Day, processingTime, Ct);
        var buckets = new List<IReadOnlyList<LandedLine>>();
        for (var bucket = 0; bucket < 8; bucket++)
        {
            buckets.Add(await landing.Map.ReadBucketAsync(pins, new BucketScope(bucket, Eight), Ct));
        }

        Assert.Equal(whole.Count, mapped);
        Assert.Equal(whole.OrderBy(line => (line.Source, line.LineNumber)), buckets.SelectMany(lines => lines).OrderBy(line => (line.Source, line.LineNumber)));
        Assert.All(buckets, lines => Assert.Equal(lines.OrderBy(line => line.Source, StringComparer.Ordinal).ThenBy(line => line.LineNumber), lines));
        for (var bucket = 0; bucket < 8; bucket++)
        {
            Assert.All(buckets[bucket], line => Assert.Equal(
                EventLine.Parse(line.Text).Event is { } parsed ? EntityBucket.Of(parsed.EntityId, Eight) : 0, bucket));
        }

        Assert.Contains(buckets[0], line => EventLine.Parse(line.Text).Event is null);
    }

    [Fact]
    public async Task Map_GroupMappedRecently_IsNotReadAgain_AndAMapOlderThanHalfTheRetentionIsMadeAgain()
    {
        var time = new ShiftedTimeProvider();
        var (lake, landing) = await SeededAsync(time);
        var pins = await landing.PinAsync(Day, Pipeline.At(Day.AddDays(6)), RawPartitionBuilder.DefaultMapGroupBytes, Ct);

        var first = await landing.Map.MapAsync(pins, 0, Eight, Ct);
        var again = await landing.Map.MapAsync(pins, 0, Eight, Ct);
        time.Advance(lake.Settings.GarbageRetention / 2 + TimeSpan.FromMinutes(1));
        var old = await landing.Map.MapAsync(pins, 0, Eight, Ct);

        Assert.True(first > 0);
        Assert.Equal((0L, first), (again, old));
    }

    [Fact]
    public async Task Sweep_DeletesMapsOlderThanTheRetentionOnly_AndTheNextMapMakesThemAgain()
    {
        var time = new ShiftedTimeProvider();
        var (lake, landing) = await SeededAsync(time);
        var pins = await landing.PinAsync(Day, Pipeline.At(Day.AddDays(6)), RawPartitionBuilder.DefaultMapGroupBytes, Ct);
        await landing.Map.MapAsync(pins, 0, Eight, Ct);

        // Ages come from the storage service's Last-Modified, so the test moves the clock rather than the files.
        var young = await landing.Map.SweepAsync(Ct);
        time.Advance(lake.Settings.GarbageRetention + TimeSpan.FromMinutes(1));
        var old = await landing.Map.SweepAsync(Ct);

        // The group's 8 bucket files and marker go; landing is untouched, and the next map makes them again.
        Assert.Single(pins.Select(file => file.Group).Distinct());
        Assert.Equal((0, 9), (young, old));
        Assert.Equal(pins, await landing.PinAsync(Day, Pipeline.At(Day.AddDays(6)), RawPartitionBuilder.DefaultMapGroupBytes, Ct));
        Assert.True(await landing.Map.MapAsync(pins, 0, Eight, Ct) > 0);
    }

    [Fact]
    public async Task ReadBucket_MapSweptAway_StartsTheDayAgain_AndTheNextMapMakesItAgain()
    {
        var (lake, landing) = await SeededAsync();
        var pins = await landing.PinAsync(Day, Pipeline.At(Day.AddDays(6)), RawPartitionBuilder.DefaultMapGroupBytes, Ct);
        await landing.Map.MapAsync(pins, 0, Eight, Ct);
        var expected = await landing.Map.ReadBucketAsync(pins, new BucketScope(3, Eight), Ct);
        var container = TestLake.Container(azurite, lake);
        var shard = await container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "landing-map/", Ct).Select(blob => blob.Name).SingleAsync(name => name.EndsWith("/bucket=003.parquet", StringComparison.Ordinal), Ct);
        await container.DeleteBlobAsync(shard, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<DayMovedException>(() => landing.Map.ReadBucketAsync(pins, new BucketScope(3, Eight), Ct));
        var remapped = await landing.Map.MapAsync(pins, 0, Eight, Ct);

        Assert.Contains($"map group 0 (landing files from {pins[0].Name}) has no map of bucket 3", error.Message, StringComparison.Ordinal);
        Assert.True(remapped > 0, "the swept group is mapped again");
        Assert.Equal(expected, await landing.Map.ReadBucketAsync(pins, new BucketScope(3, Eight), Ct));
    }

    [Fact]
    public async Task ReadBucket_APieceMarkerSweptAway_StartsTheDayAgainRatherThanMisnumberTheNextPiecesLines()
    {
        var (lake, landing) = await SeededAsync();
        var pins = await landing.PinAsync(Day, Pipeline.At(Day.AddDays(6)), 8_192, Ct);
        for (var group = 0; group < LandingPin.GroupCount(pins); group++)
        {
            await landing.Map.MapAsync(pins, group, Eight, Ct);
        }

        var container = TestLake.Container(azurite, lake);
        await foreach (var marker in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "landing-map/", Ct)
                           .Where(blob => blob.Name.EndsWith("/_mapped.json", StringComparison.Ordinal)))
        {
            await container.DeleteBlobAsync(marker.Name, cancellationToken: Ct);
        }

        var error = await Assert.ThrowsAsync<DayMovedException>(() => landing.Map.ReadBucketAsync(pins, new BucketScope(0, Eight), Ct));

        // Any piece but a file's last numbers the next one; which of them the parallel reads report first varies.
        Assert.Contains(
            pins.Where(file => file.Pieces > 1).SelectMany(file => Enumerable.Range(1, file.Pieces - 1).Select(piece => $"(piece {piece} of {file.Name}) has no marker")),
            expected => error.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Map_AnEmptyLandingFileInTheWindow_MapsToNoLines()
    {
        var (lake, landing) = await SeededAsync();
        var processingTime = Pipeline.At(Day.AddDays(6));
        var empty = Backfill.Storage.Layout.LakePaths.LandingFile(Pipeline.At(Day, 5), "empty");
        await TestLake.Container(azurite, lake).GetBlobClient(empty).UploadAsync(BinaryData.Empty, Ct);
        var pins = await landing.PinAsync(Day, processingTime, 8_192, Ct);
        Assert.Contains(pins, file => file.Name == empty && file.Bytes == 0);

        for (var group = 0; group < LandingPin.GroupCount(pins); group++)
        {
            await landing.Map.MapAsync(pins, group, Eight, Ct);
        }

        var buckets = new List<LandedLine>();
        for (var bucket = 0; bucket < 8; bucket++)
        {
            buckets.AddRange(await landing.Map.ReadBucketAsync(pins, new BucketScope(bucket, Eight), Ct));
        }

        var whole = await landing.ReadAsync(Day, processingTime, Ct);
        Assert.Equal(whole.OrderBy(line => (line.Source, line.LineNumber)), buckets.OrderBy(line => (line.Source, line.LineNumber)));
    }

    [Fact]
    public async Task Map_AnEmptyLandingFileFilledSinceThePin_StartsTheDayAgain()
    {
        var (lake, landing) = await SeededAsync();
        var empty = Backfill.Storage.Layout.LakePaths.LandingFile(Pipeline.At(Day, 5), "empty");
        var blob = TestLake.Container(azurite, lake).GetBlobClient(empty);
        await blob.UploadAsync(BinaryData.Empty, Ct);
        var pins = await landing.PinAsync(Day, Pipeline.At(Day.AddDays(6)), 8_192, Ct);
        await blob.UploadAsync(BinaryData.FromString("{}\n"), overwrite: true, Ct);

        var group = pins.Single(file => file.Name == empty).Group;
        var error = await Assert.ThrowsAsync<DayMovedException>(() => landing.Map.MapAsync(pins, group, Eight, Ct));

        Assert.Contains($"landing file {empty} changed or went away", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_LandingFileChangedSinceThePin_StartsTheDayAgain()
    {
        var (lake, landing) = await SeededAsync();
        var pins = await landing.PinAsync(Day, Pipeline.At(Day.AddDays(6)), RawPartitionBuilder.DefaultMapGroupBytes, Ct);
        await TestLake.Container(azurite, lake).GetBlobClient(pins[0].Name).UploadAsync(BinaryData.FromString("{}\n"), overwrite: true, Ct);

        var error = await Assert.ThrowsAsync<DayMovedException>(() => landing.Map.MapAsync(pins, 0, Eight, Ct));

        Assert.Contains($"landing file {pins[0].Name} changed or went away", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BucketedRaw_AFileLandsInAnHourAlreadyOverAfterThePin_NoBucketReadsIt()
    {
        var (lake, _) = await SeededAsync();
        var pipeline = new Pipeline(lake);
        var processingTime = Pipeline.At(Day.AddDays(6));
        var request = new CommitRequest(Datasets.Raw, Day, WriteMode.Overwrite, TestLake.Run());
        var builder = new RawPartitionBuilder(pipeline.Landing, pipeline.Reader, Day, processingTime, 8_192);
        var expected = await pipeline.Landing.ReadAsync(Day, processingTime, Ct);
        const string CommitId = "0190f0f0f0f07000800000000000f11e";
        await pipeline.PinAsync(request, CommitId, 8, builder);

        // A producer lands a late batch into an hour that was over before the pin: buckets staged after it must not
        // differ on whether they saw it.
        var late = new EventGenerator(Volume with { Seed = 99 }).Generate(Day.Date).Where(line => line.ArrivalTime < processingTime.AddHours(-1));
        await new LandingWriter(lake).WriteAsync("late", late, Ct);
        Assert.True((await pipeline.Landing.ReadAsync(Day, processingTime, Ct)).Count > expected.Count);
        for (var bucket = 0; bucket < 8; bucket++)
        {
            await pipeline.Buckets.StageBucketAsync(request, CommitId, bucket, builder, PassingValidator.Instance, Ct);
        }

        var published = await pipeline.Buckets.PublishAsync(request, CommitId, PassingValidator.Instance, Ct);

        var pinnedBuild = Core.Building.RawBuilder.Build(Day, processingTime, expected);
        Assert.Equal(CommitStatus.Published, published.Status);
        Assert.Equal((pinnedBuild.Events.Count, pinnedBuild.Quarantined.Count), (published.Commit.RowCount, published.Commit.QuarantinedCount));
    }

    [Fact]
    public async Task MapAndWholeRead_EachWholeFileIsOneGet_PinnedWhenMapped_NoHeads()
    {
        var log = new RequestLog();
        var options = new Azure.Storage.Blobs.BlobClientOptions();
        options.AddPolicy(log, Azure.Core.HttpPipelinePosition.PerRetry);
        var (_, landing) = await SeededAsync(blobs: options);
        var processingTime = Pipeline.At(Day.AddDays(6));
        var pins = await landing.PinAsync(Day, processingTime, RawPartitionBuilder.DefaultMapGroupBytes, Ct);
        Assert.True(pins.Count > 1 && pins.All(file => file.Pieces == 1), "every file of the window should be one piece");
        var before = log.Sent.Count;

        for (var group = 0; group < LandingPin.GroupCount(pins); group++)
        {
            await landing.Map.MapAsync(pins, group, Eight, Ct);
        }

        await landing.ReadAsync(Day, processingTime, Ct);

        // Landing requests only: the map also reads and writes its own files under landing-map/.
        var reads = log.Sent.Skip(before).Where(sent => sent.Path.Contains("/landing/", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(reads, sent => sent.Method == "HEAD");
        var etags = pins.ToDictionary(file => file.Name, file => file.ETag);
        var byFile = reads.GroupBy(sent => sent.Path[(sent.Path.IndexOf("/landing/", StringComparison.Ordinal) + 1)..]).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(etags.Keys.Order(), byFile.Keys.Order());
        Assert.All(byFile, file =>
        {
            // One GET by the map, pinned to the version the day pinned; one by the whole read, of the current version.
            Assert.Equal([("GET", etags[file.Key]), ("GET", null)], file.Value.Select(sent => (sent.Method, sent.IfMatch)));
        });
    }

    private async Task<(Backfill.Storage.Layout.LakeStorage Lake, LandingReader Landing)> SeededAsync(TimeProvider? time = null, Azure.Storage.Blobs.BlobClientOptions? blobs = null)
    {
        var lake = await TestLake.CreateAsync(azurite, time, blobs: blobs);
        await new Pipeline(lake).SeedAsync(First, 3, Volume);
        return (lake, new LandingReader(lake, ArrivalWindow.Default));
    }
}

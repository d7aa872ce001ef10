using Backfill.Core.Buckets;
using Backfill.Core.Landing;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Landing;
using Backfill.Storage.Reading;
using Backfill.Testing;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Pipeline;
using Backfill.Workflows.Tests.Support;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Tests.Pipeline;

public sealed class GarbageSweepTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task RunAsync_OrphanAndRawMapOlderThanRetention_DeletedLiveAndRetainedCommitsKept()
    {
        var time = new ShiftedTimeProvider();
        var raw = await RawLake.CreateAsync(azurite, time);
        var lake = raw.Lake;
        var strict = new PartitionGate(new LakeReady(lake), Options.Create(new ValidationSettings
        {
            Datasets = new Dictionary<string, DatasetValidationSettings> { [Datasets.Raw] = new() { MinRows = 1_000_000 } },
        }));
        var retained = await raw.CommitAsync(26, PassingValidator.Instance);
        var live = await raw.CommitAsync(24 * 8, PassingValidator.Instance);
        var orphan = await raw.CommitAsync(24 * 3, strict);
        // A bucketed raw day's map of the landing: 4 bucket files and the marker, a cache the sweep ages out too.
        var landing = new LandingReader(lake, ArrivalWindow.Default);
        var pins = await landing.PinAsync(RawLake.Day, RawLake.Day.Date.ToDateTime(TimeOnly.MinValue).AddHours(24 * 8), RawPartitionBuilder.DefaultMapGroupBytes, TestContext.Current.CancellationToken);
        await landing.Map.MapAsync(pins, 0, BucketCount.Of(4), TestContext.Current.CancellationToken);
        var logger = new RecordingLogger<GarbageSweep>();
        var sweep = new GarbageSweep(new LakeReady(lake), logger);

        var young = await sweep.RunAsync(TestContext.Current.CancellationToken);
        var foldersWhileYoung = await raw.CommitFoldersAsync();
        time.Advance(lake.Settings.GarbageRetention + TimeSpan.FromHours(1));
        var old = await sweep.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal((CommitStatus.Published, CommitStatus.Published, CommitStatus.Rejected), (retained.Status, live.Status, orphan.Status));
        Assert.Equal(TimeSpan.FromDays(7), lake.Settings.GarbageRetention);
        Assert.Equal(0, young);
        Assert.Equal(new[] { retained.Commit.CommitId, live.Commit.CommitId, orphan.Commit.CommitId }.Order(StringComparer.Ordinal), foldersWhileYoung);
        Assert.Equal(1, old);
        Assert.NotEmpty(pins);
        Assert.Equal([0, 5], logger.Events.Select(e => (int)e.Fields["CacheFiles"]!));
        Assert.Equal(new[] { retained.Commit.CommitId, live.Commit.CommitId }.Order(StringComparer.Ordinal), await raw.CommitFoldersAsync());
        Assert.Equal(
            live.Commit.CommitId,
            (await new PartitionReader(lake).GetLiveCommitAsync(Datasets.Raw, RawLake.Day, TestContext.Current.CancellationToken))!.CommitId);
    }
}

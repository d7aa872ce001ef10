using Backfill.Core.Features;
using Backfill.Core.Partitions;
using Backfill.Storage.Pointers;
using Backfill.Storage.Reading;
using Backfill.Storage.Tests.Support;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Pointers;

public sealed class PointerStoreTests(AzuriteFixture azurite)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static PointerMirror At(long sequence, string version) => new("features", version, sequence, DateTimeOffset.UnixEpoch.AddDays(sequence), $"run-{sequence}");

    [Fact]
    public async Task AdvanceAsync_OlderOrEqualSequence_NeverMovesTheMirrorBack()
    {
        var store = new PointerStore(await TestLake.CreateAsync(azurite));

        Assert.Null(await store.GetAsync("features", Cancel));
        Assert.Equal(At(2, "features_v2"), await store.AdvanceAsync(At(2, "features_v2"), Cancel));
        var stale = await store.AdvanceAsync(At(1, "features_v1"), Cancel);
        var repeated = await store.AdvanceAsync(At(2, "features_v2"), Cancel);

        Assert.Equal(At(2, "features_v2"), stale);
        Assert.Equal(At(2, "features_v2"), repeated);
        Assert.Equal(At(2, "features_v2"), await store.GetAsync("features", Cancel));
    }

    [Fact]
    public async Task AdvanceAsync_ManyRacingWriters_EndsAtTheHighestSequence()
    {
        var store = new PointerStore(await TestLake.CreateAsync(azurite));

        await Task.WhenAll(Enumerable.Range(1, 12).Select(s => store.AdvanceAsync(At(s, s % 2 == 0 ? "features_v1" : "features_v2"), Cancel)));

        Assert.Equal(At(12, "features_v1"), await store.GetAsync("features", Cancel));
    }

    [Fact]
    public async Task FeatureReader_Pointer_ResolvesThroughTheMirrorAndReadsOneVersion()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        var first = Day.Parse("2025-01-01");
        await pipeline.SeedAsync(first, 2);
        await pipeline.BuildEventsAsync(first, 2);
        foreach (var version in FeatureVersions.All)
        {
            await pipeline.FeaturesAsync(version, first);
            await pipeline.FeaturesAsync(version, first.AddDays(1));
        }

        var pointers = new PointerStore(lake);
        var reader = new FeatureReader(pipeline.Reader, pointers);

        var before = await reader.ReadAsync("features", first, first.AddDays(1), Cancel);
        await pointers.AdvanceAsync(At(1, "features_v2"), Cancel);
        var after = await reader.ReadAsync("features", first, first.AddDays(1), Cancel);
        var direct = await reader.ReadAsync("features_v1", first, first.AddDays(1), Cancel);

        Assert.Equal("features_v1", before.Dataset);
        Assert.All(before.Commits, c => Assert.Equal("features_v1", c.Dataset));
        Assert.Equal("features_v2", after.Dataset);
        Assert.All(after.Commits, c => Assert.Equal("features_v2", c.Dataset));
        Assert.All(after.Rows, r => Assert.Equal(FeatureVersions.V2.Features.Count, r.Values.Length));
        Assert.Equal("features_v1", direct.Dataset);
        var commit = await pipeline.Reader.GetLiveCommitAsync("features_v2", first, Cancel);
        Assert.Equal(FeatureReader.Columns(FeatureVersions.V2), await pipeline.Reader.ReadFeatureColumnsAsync(commit!, Cancel));
        Assert.Null(await reader.ResolveAsync("raw", Cancel));
    }

    [Fact]
    public async Task ListCommittedDaysAsync_ListsOnlyDaysWithAManifest()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        var first = Day.Parse("2025-01-01");
        await pipeline.SeedAsync(first, 3);
        await pipeline.BuildEventsAsync(first, 3);
        await pipeline.FeaturesAsync(FeatureVersions.V1, first);
        await pipeline.FeaturesAsync(FeatureVersions.V1, first.AddDays(2));

        Assert.Equal([first, first.AddDays(2)], await pipeline.Reader.ListCommittedDaysAsync("features_v1", Cancel));
        Assert.Equal([first, first.AddDays(1), first.AddDays(2)], await pipeline.Reader.ListCommittedDaysAsync("staging", Cancel));
        Assert.Empty(await pipeline.Reader.ListCommittedDaysAsync("features_v2", Cancel));
    }

    [Fact]
    public async Task PointerLineage_RecordTwice_KeepsOneRowPerSequenceInOrder()
    {
        var lineage = new PointerLineage(await TestLake.CreateAsync(azurite));
        var flip = new PointerChangeRecord("features", "flip", "features_v1", "features_v2", 1, DateTimeOffset.UnixEpoch, "ptr-features-0", 30, "2025-01-30 pass");
        var rollback = flip with { Kind = "rollback", From = "features_v2", To = "features_v1", Sequence = 2, RequiredDays = 0, Canary = string.Empty };

        await lineage.RecordAsync(rollback, Cancel);
        await lineage.RecordAsync(flip, Cancel);
        await lineage.RecordAsync(flip, Cancel);

        Assert.Equal([flip, rollback], await lineage.ListAsync("features", Cancel));
    }
}

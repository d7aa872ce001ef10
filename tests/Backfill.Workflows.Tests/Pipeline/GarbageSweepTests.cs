using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Backfill.Core.Features;
using Backfill.Core.Generation;
using Backfill.Core.Landing;
using Backfill.Core.Layers;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;
using Backfill.Core.Versioning;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Landing;
using Backfill.Storage.Layout;
using Backfill.Storage.Reading;
using Backfill.Testing;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Tests.Pipeline;

public sealed class GarbageSweepTests(AzuriteFixture azurite)
{
    private static readonly PartitionKey Day = PartitionKey.Parse("2025-01-10");

    [Fact]
    public async Task RunAsync_OrphanOlderThanRetention_DeletedLiveAndRetainedCommitsKept()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new ShiftedTimeProvider();
        var id = Guid.NewGuid().ToString("N")[..16];
        var lake = new LakeStorage(
            new BlobServiceClient(azurite.ConnectionString), new TableServiceClient(azurite.ConnectionString),
            new LakeOptions { ContainerName = "lake-" + id, LineageTableName = "lineage" + id }, time);
        await lake.EnsureCreatedAsync(ct);
        await new LandingWriter(lake).WriteAsync("gen", new EventGenerator(new EventGeneratorOptions { EventsPerDay = 300, EntityCount = 40 }).Generate(Day.Date), ct);
        var strict = new PartitionGate(new LakeReady(lake), Options.Create(new ValidationSettings
        {
            Datasets = new Dictionary<string, DatasetValidationSettings> { [Datasets.Raw] = new() { MinRows = 1_000_000 } },
        }));
        Task<CommitResult> CommitAsync(int processingHours, ICommitValidator validator) => new PartitionCommitter(lake).CommitAsync(
            new CommitRequest(Datasets.Raw, Day, WriteMode.Overwrite, new RunContext("bf-gc", RunTrigger.Backfill, "bf-gc", CodeVersion.Current, "cfg")),
            new RawPartitionBuilder(new LandingReader(lake, ArrivalWindow.Default), new PartitionReader(lake), Day, Day.Date.ToDateTime(TimeOnly.MinValue).AddHours(processingHours)),
            validator, ct);
        var retained = await CommitAsync(26, PassingValidator.Instance);
        var live = await CommitAsync(24 * 8, PassingValidator.Instance);
        var orphan = await CommitAsync(24 * 3, strict);
        var sweep = new GarbageSweep(new LakeReady(lake), NullLogger<GarbageSweep>.Instance);

        var young = await sweep.RunAsync(ct);
        var foldersWhileYoung = await CommitFoldersAsync(lake);
        time.Advance(lake.Options.GarbageRetention + TimeSpan.FromHours(1));
        var old = await sweep.RunAsync(ct);

        Assert.Equal((CommitStatus.Published, CommitStatus.Published, CommitStatus.Rejected), (retained.Status, live.Status, orphan.Status));
        Assert.Equal(TimeSpan.FromDays(7), lake.Options.GarbageRetention);
        Assert.Equal(0, young);
        Assert.Equal(new[] { retained.Commit.CommitId, live.Commit.CommitId, orphan.Commit.CommitId }.Order(StringComparer.Ordinal), foldersWhileYoung);
        Assert.Equal(1, old);
        Assert.Equal(new[] { retained.Commit.CommitId, live.Commit.CommitId }.Order(StringComparer.Ordinal), await CommitFoldersAsync(lake));
        Assert.Equal(live.Commit.CommitId, (await new PartitionReader(lake).GetLiveCommitAsync(Datasets.Raw, Day, ct))!.CommitId);
    }

    private async Task<List<string>> CommitFoldersAsync(LakeStorage lake)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var blob in new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(lake.Options.ContainerName).GetBlobsAsync(
                           BlobTraits.None, BlobStates.None, $"raw/{Day.PathSegment}/commit=", TestContext.Current.CancellationToken))
        {
            folders.Add(blob.Name.Split('/')[2]["commit=".Length..]);
        }

        return [.. folders];
    }
}

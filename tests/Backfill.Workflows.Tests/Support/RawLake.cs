using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Backfill.Core.Generation;
using Backfill.Core.Landing;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;
using Backfill.Core.Versioning;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Landing;
using Backfill.Storage.Layout;
using Backfill.Storage.Reading;
using Backfill.Testing;

namespace Backfill.Workflows.Tests.Support;

/// <summary>A lake of its own with one day of landed events, whose raw partition tests commit as often as they need.</summary>
internal sealed class RawLake(AzuriteFixture azurite, LakeStorage lake)
{
    public static readonly Day Day = Day.Parse("2025-01-10");

    public LakeStorage Lake => lake;

    /// <summary>A lake with a container and lineage table of its own, not yet created.</summary>
    public static LakeStorage Empty(AzuriteFixture azurite, TimeProvider time)
    {
        var id = Guid.NewGuid().ToString("N")[..16];
        return new LakeStorage(
            new BlobServiceClient(azurite.ConnectionString), new TableServiceClient(azurite.ConnectionString),
            new LakeSettings { ContainerName = "lake-" + id, LineageTableName = "lineage" + id }, time);
    }

    public static async Task<RawLake> CreateAsync(AzuriteFixture azurite, TimeProvider time)
    {
        var lake = Empty(azurite, time);
        await lake.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        var generator = new EventGenerator(new EventGeneratorOptions { EventsPerDay = 300, EntityCount = 40 });
        await new LandingWriter(lake).WriteAsync("gen", generator.Generate(Day.Date), TestContext.Current.CancellationToken);
        return new RawLake(azurite, lake);
    }

    /// <summary>Commits raw of <see cref="Day"/> as of some hours after the day began: later means more events.</summary>
    public Task<CommitResult> CommitAsync(int processingHours, ICommitValidator validator) => new PartitionCommitter(lake).CommitAsync(
        new CommitRequest(Datasets.Raw, Day, WriteMode.Overwrite, new RunContext("bf-raw", RunTrigger.Backfill, "bf-raw", CodeVersion.Current, "cfg")),
        new RawPartitionBuilder(new LandingReader(lake, ArrivalWindow.Default), new PartitionReader(lake), Day, Day.Date.ToDateTime(TimeOnly.MinValue).AddHours(processingHours)),
        validator,
        TestContext.Current.CancellationToken);

    public async Task<List<string>> CommitFoldersAsync()
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var blob in new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(lake.Settings.ContainerName).GetBlobsAsync(
                           BlobTraits.None, BlobStates.None, $"raw/{Day.PathSegment}/commit=", TestContext.Current.CancellationToken))
        {
            folders.Add(blob.Name.Split('/')[2]["commit=".Length..]);
        }

        return [.. folders];
    }
}

using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Backfill.Core.Features;
using Backfill.Core.Lineage;
using Backfill.Core.Versioning;
using Backfill.Storage.Layout;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Support;

/// <summary>A fresh container and lineage table per test, so tests share one Azurite but no data.</summary>
internal static class TestLake
{
    public static async Task<LakeStorage> CreateAsync(AzuriteFixture azurite, TimeProvider? time = null, LakeSettings? options = null, BlobClientOptions? blobs = null)
    {
        var id = Guid.NewGuid().ToString("N")[..16];
        options = (options ?? new LakeSettings()) with { ContainerName = "lake-" + id, LineageTableName = "lineage" + id };
        var lake = new LakeStorage(
            new BlobServiceClient(azurite.ConnectionString, blobs),
            new TableServiceClient(azurite.ConnectionString),
            options,
            time ?? TimeProvider.System);
        await lake.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        return lake;
    }

    public static RunContext Run(string runId = "run-1") =>
        new(runId, RunTrigger.Backfill, "bf-1", CodeVersion.Current, FeatureVersions.V1.ConfigHash);

    public static BlobContainerClient Container(AzuriteFixture azurite, LakeStorage lake) =>
        new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(lake.Settings.ContainerName);
}

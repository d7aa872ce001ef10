using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Backfill.Storage.Layout;
using Backfill.Testing;
using Backfill.Workflows.Pipeline;

namespace Backfill.Workflows.Tests.Pipeline;

/// <summary>
/// The lake's one-time creation against the real emulator behind a proxy that takes storage down and brings it back:
/// a failed first attempt is tried again, a success is kept, and callers during an attempt share it.
/// </summary>
public sealed class LakeReadyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GetAsync_StorageDownOnFirstUse_FailsThenCreatesTheLakeOnceStorageIsBack()
    {
        await using var proxy = StorageProxy.Start(azurite.Endpoints, StorageProxyMode.Refuse);
        var (ready, names) = Lake(proxy);

        await Assert.ThrowsAnyAsync<Exception>(ready.GetAsync);

        proxy.Mode = StorageProxyMode.Forward;
        await ready.GetAsync();
        Assert.True(await ExistsAsync(names), "the container or the lineage table was not created");

        // Created once: with storage down again, the lake is still handed out without asking storage.
        proxy.Mode = StorageProxyMode.Refuse;
        await ready.GetAsync();
    }

    [Fact]
    public async Task GetAsync_CallersDuringOneAttempt_ShareItsOutcome()
    {
        await using var proxy = StorageProxy.Start(azurite.Endpoints, StorageProxyMode.Hold);
        var (ready, names) = Lake(proxy);

        // Storage holds the first attempt's request, so the second caller arrives while it is under way.
        var first = ready.GetAsync();
        var second = ready.GetAsync();
        proxy.Mode = StorageProxyMode.Refuse;
        var firstFailure = await Assert.ThrowsAnyAsync<Exception>(() => first);
        var secondFailure = await Assert.ThrowsAnyAsync<Exception>(() => second);

        Assert.Same(firstFailure, secondFailure);
        proxy.Mode = StorageProxyMode.Forward;
        await ready.GetAsync();
        Assert.True(await ExistsAsync(names), "the container or the lineage table was not created");
    }

    // Clients without retries: each attempt is one request, and a refused one fails at once.
    private static (LakeReady Ready, LakeSettings Names) Lake(StorageProxy proxy)
    {
        var id = Guid.NewGuid().ToString("N")[..16];
        var names = new LakeSettings { ContainerName = "lake-" + id, LineageTableName = "lineage" + id };
        var blobs = new BlobClientOptions();
        blobs.Retry.MaxRetries = 0;
        var tables = new TableClientOptions();
        tables.Retry.MaxRetries = 0;
        var lake = new LakeStorage(
            new BlobServiceClient(proxy.Endpoints.ConnectionString, blobs), new TableServiceClient(proxy.Endpoints.ConnectionString, tables), names, TimeProvider.System);
        return (new LakeReady(lake), names);
    }

    private async Task<bool> ExistsAsync(LakeSettings names)
    {
        var ct = TestContext.Current.CancellationToken;
        var container = await new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(names.ContainerName).ExistsAsync(ct);
        var tables = new TableServiceClient(azurite.ConnectionString).QueryAsync(t => t.Name == names.LineageTableName, cancellationToken: ct);
        var table = false;
        await foreach (var _ in tables)
        {
            table = true;
        }

        return container.Value && table;
    }
}

using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Backfill.Azurite;
using Backfill.Storage.Health;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Health;

public sealed class StorageHealthProbeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CheckAsync_AzuriteRunning_ReportsBlobAndTableHealthy()
    {
        var probe = new StorageHealthProbe(new BlobServiceClient(azurite.ConnectionString), new TableServiceClient(azurite.ConnectionString));

        var results = await probe.CheckAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["blob", "table"], results.Select(r => r.Service));
        Assert.All(results, r => Assert.True(r.Healthy, r.Detail));
    }

    [Fact]
    public async Task CheckAsync_NothingListening_ReportsEachServiceUnhealthyWithDetail()
    {
        // Port 1 on loopback: nothing listens there, so every call is refused at once.
        var dead = new AzuriteEndpoints(1, 1, 1).ConnectionString;
        var noRetry = new BlobClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(2) } };
        var tableNoRetry = new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(2) } };
        var probe = new StorageHealthProbe(new BlobServiceClient(dead, noRetry), new TableServiceClient(dead, tableNoRetry));

        var results = await probe.CheckAsync(TestContext.Current.CancellationToken);

        Assert.All(results, r =>
        {
            Assert.False(r.Healthy);
            Assert.False(string.IsNullOrWhiteSpace(r.Detail));
        });
    }
}

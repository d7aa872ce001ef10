using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Backfill.Azurite.Tests;

public sealed class AzuriteServerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAsync_Default_ServesBlobAndTableThroughExplicitEndpoints()
    {
        await using var server = await AzuriteServer.StartAsync(cancellationToken: Cancel);

        Assert.Contains($"BlobEndpoint=http://127.0.0.1:{server.Endpoints.BlobPort}/devstoreaccount1", server.ConnectionString, StringComparison.Ordinal);
        var container = new BlobServiceClient(server.ConnectionString).GetBlobContainerClient("harness");
        await container.CreateAsync(cancellationToken: Cancel);
        await container.GetBlobClient("a.txt").UploadAsync(BinaryData.FromString("hello"), Cancel);
        var text = (await container.GetBlobClient("a.txt").DownloadContentAsync(Cancel)).Value.Content.ToString();
        Assert.Equal("hello", text);

        var table = new TableServiceClient(server.ConnectionString).GetTableClient("harness");
        await table.CreateAsync(Cancel);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["n"] = 1 }, Cancel);
        Assert.Equal(1, (await table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: Cancel)).Value.GetInt32("n"));
    }

    [Fact]
    public async Task StartAsync_Twice_UsesDistinctPortsAndStopsOnlyItsOwnProcess()
    {
        await using var first = await AzuriteServer.StartAsync(cancellationToken: Cancel);
        var second = await AzuriteServer.StartAsync(cancellationToken: Cancel);

        var firstPorts = new[] { first.Endpoints.BlobPort, first.Endpoints.QueuePort, first.Endpoints.TablePort };
        var secondPorts = new[] { second.Endpoints.BlobPort, second.Endpoints.QueuePort, second.Endpoints.TablePort };
        Assert.Empty(firstPorts.Intersect(secondPorts));

        var secondPid = second.ProcessId;
        await second.DisposeAsync();

        Assert.Throws<ArgumentException>(() => Process.GetProcessById(secondPid));
        var stillUp = await new BlobServiceClient(first.ConnectionString).GetPropertiesAsync(Cancel);
        Assert.Equal(200, stillUp.GetRawResponse().Status);
    }

    [Fact]
    public async Task StartAsync_WithLocation_KeepsDataAcrossRestart()
    {
        var location = Directory.CreateTempSubdirectory("azurite-location-").FullName;
        try
        {
            await using (var server = await AzuriteServer.StartAsync(new AzuriteOptions { Location = location }, Cancel))
            {
                var container = new BlobServiceClient(server.ConnectionString).GetBlobContainerClient("persisted");
                await container.CreateAsync(cancellationToken: Cancel);
                await container.GetBlobClient("kept.txt").UploadAsync(BinaryData.FromString("survives"), Cancel);
            }

            await using var restarted = await AzuriteServer.StartAsync(new AzuriteOptions { Location = location }, Cancel);
            var blob = new BlobServiceClient(restarted.ConnectionString).GetBlobContainerClient("persisted").GetBlobClient("kept.txt");
            Assert.Equal("survives", (await blob.DownloadContentAsync(Cancel)).Value.Content.ToString());
        }
        finally
        {
            Directory.Delete(location, recursive: true);
        }
    }

    [Fact]
    public async Task ConditionalWrite_StaleETag_IsRejected()
    {
        await using var server = await AzuriteServer.StartAsync(cancellationToken: Cancel);
        var container = new BlobServiceClient(server.ConnectionString).GetBlobContainerClient("etags");
        await container.CreateAsync(cancellationToken: Cancel);
        var blob = container.GetBlobClient("manifest.json");
        var created = await blob.UploadAsync(BinaryData.FromString("v1"), Cancel);
        await blob.UploadAsync(BinaryData.FromString("v2"), overwrite: true, Cancel);

        var stale = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = created.Value.ETag } };
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("v3"), stale, Cancel));

        Assert.Equal(412, error.Status);
    }

    [Fact]
    public async Task StartAsync_RootWithoutNodeModules_InstallsFromLockfile()
    {
        var root = Directory.CreateTempSubdirectory("azurite-install-").FullName;
        try
        {
            var repository = RepositoryRoot.Find(AppContext.BaseDirectory);
            File.Copy(Path.Combine(repository, "package.json"), Path.Combine(root, "package.json"));
            File.Copy(Path.Combine(repository, "package-lock.json"), Path.Combine(root, "package-lock.json"));

            using var watch = new CancellationTokenSource();
            var stdinTurnedNonBlocking = Task.Run(() => WatchForNonBlockingStdinAsync(watch.Token), Cancel);
            await using var server = await AzuriteServer.StartAsync(new AzuriteOptions { RepositoryRoot = root }, Cancel);
            await watch.CancelAsync();

            Assert.True(File.Exists(Path.Combine(root, "node_modules", ".bin", "azurite")), "npm ci installed the pinned Azurite");
            Assert.False(await stdinTurnedNonBlocking, "npm shared this process's stdin and made it non-blocking");
            var properties = await new BlobServiceClient(server.ConnectionString).GetPropertiesAsync(Cancel);
            Assert.Equal(200, properties.GetRawResponse().Status);
        }
        finally
        {
            await DeleteTemporaryAsync(root);
        }
    }

    // The test process's own stdin (the runner's command channel) must keep its flags while npm installs: node turns
    // an inherited stdin non-blocking. Read from /proc, so the watch never reads stdin itself.
    private static async Task<bool> WatchForNonBlockingStdinAsync(CancellationToken stop)
    {
        const int NonBlocking = 0x800; // O_NONBLOCK on Linux
        while (!stop.IsCancellationRequested)
        {
            var flags = File.ReadLines("/proc/self/fdinfo/0").Single(line => line.StartsWith("flags:", StringComparison.Ordinal));
            if ((Convert.ToInt32(flags["flags:".Length..].Trim(), 8) & NonBlocking) != 0)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), CancellationToken.None);
        }

        return false;
    }

    // npm's and Azurite's last writes can land while the directory is being deleted ("Directory not empty" on a
    // loaded machine): try a few times, then leave the temporary directory to the OS rather than fail a passed test.
    private static async Task DeleteTemporaryAsync(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(path, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
            catch (IOException)
            {
                return;
            }
        }
    }
}

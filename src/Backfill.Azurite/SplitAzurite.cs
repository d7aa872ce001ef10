namespace Backfill.Azurite;

/// <summary>
/// Two Azurite processes serving one account for long runs: queues on one that keeps its data on disk (in a temporary
/// folder, deleted on dispose), blobs and tables on one in memory. In memory, Azurite keeps every queue message in an
/// extent of its own and sweeps them every minute, removing each one with an index rebuild over all of them, so after
/// about ten minutes of steady queue traffic it stops answering for minutes at a time. On disk, it writes its whole
/// table database out every 5 s, which grows with every row written. Split this way, neither cost applies.
/// </summary>
public sealed class SplitAzurite : IAsyncDisposable
{
    private readonly AzuriteServer _queues;
    private readonly AzuriteServer _blobsAndTables;
    private readonly DirectoryInfo _location;

    private SplitAzurite(AzuriteServer queues, AzuriteServer blobsAndTables, DirectoryInfo location)
    {
        _queues = queues;
        _blobsAndTables = blobsAndTables;
        _location = location;
        Endpoints = new AzuriteEndpoints(blobsAndTables.Endpoints.BlobPort, queues.Endpoints.QueuePort, blobsAndTables.Endpoints.TablePort);
    }

    /// <summary>Blob and table ports of the in-memory emulator, the queue port of the on-disk one.</summary>
    public AzuriteEndpoints Endpoints { get; }

    /// <summary>Connection string with explicit endpoints for both emulators.</summary>
    public string ConnectionString => Endpoints.ConnectionString;

    /// <summary>Starts both emulators (installing Azurite if needed) and returns once all their services answer.</summary>
    public static async Task<SplitAzurite> StartAsync(CancellationToken cancellationToken = default)
    {
        var location = Directory.CreateTempSubdirectory("backfill-azurite-queues-");
        AzuriteServer? queues = null;
        try
        {
            queues = await AzuriteServer.StartAsync(new AzuriteOptions { Location = location.FullName }, cancellationToken).ConfigureAwait(false);
            var blobsAndTables = await AzuriteServer.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return new SplitAzurite(queues, blobsAndTables, location);
        }
        catch
        {
            if (queues is not null)
            {
                await queues.DisposeAsync().ConfigureAwait(false);
            }

            location.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>Stops both emulators gracefully, then deletes the queue emulator's folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await _blobsAndTables.DisposeAsync().ConfigureAwait(false);
        await _queues.DisposeAsync().ConfigureAwait(false);
        _location.Refresh();
        if (_location.Exists)
        {
            _location.Delete(recursive: true);
        }
    }
}

using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Backfill.Storage.Health;

/// <summary>Asks each storage service for its properties: the cheapest call that proves auth and reachability.</summary>
public sealed class StorageHealthProbe(BlobServiceClient blobs, TableServiceClient tables)
{
    /// <summary>Probes blob and table storage concurrently.</summary>
    public async Task<IReadOnlyList<StorageHealth>> CheckAsync(CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(
            ProbeAsync("blob", () => blobs.GetPropertiesAsync(cancellationToken)),
            ProbeAsync("table", () => tables.GetPropertiesAsync(cancellationToken))).ConfigureAwait(false);
        return results;
    }

    private static async Task<StorageHealth> ProbeAsync<T>(string service, Func<Task<Response<T>>> call)
    {
        try
        {
            await call().ConfigureAwait(false);
            return new StorageHealth(service, true, null);
        }
        catch (RequestFailedException ex)
        {
            return new StorageHealth(service, false, $"{ex.Status} {ex.ErrorCode}: {ex.Message}");
        }
        catch (AggregateException ex)
        {
            // The SDK wraps transport failures after its own retries.
            return new StorageHealth(service, false, ex.InnerException?.Message ?? ex.Message);
        }
    }
}

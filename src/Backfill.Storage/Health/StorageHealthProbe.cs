using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Backfill.Storage.Health;

/// <summary>
/// Asks each storage service for its properties: the cheapest call that proves auth and reachability. Give it clients
/// without retries and with a short network timeout: a probe must answer before the prober gives up.
/// </summary>
public sealed class StorageHealthProbe(BlobServiceClient blobs, TableServiceClient tables, QueueServiceClient? queues = null)
{
    /// <summary>The most one check may take, whatever the clients do (a token fetch, a slow DNS answer).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(4);

    /// <summary>Probes blob, table and (when given) queue storage concurrently.</summary>
    public async Task<IReadOnlyList<StorageHealth>> CheckAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        var token = deadline.Token;
        var probes = new List<Task<StorageHealth>>
        {
            ProbeAsync(StorageServices.Blob, () => blobs.GetPropertiesAsync(token), cancellationToken),
            ProbeAsync(StorageServices.Table, () => tables.GetPropertiesAsync(token), cancellationToken),
        };
        if (queues is not null)
        {
            probes.Add(ProbeAsync(StorageServices.Queue, () => queues.GetPropertiesAsync(token), cancellationToken));
        }

        return await Task.WhenAll(probes).ConfigureAwait(false);
    }

    private static async Task<StorageHealth> ProbeAsync<T>(string service, Func<Task<Response<T>>> call, CancellationToken callerToken)
    {
        try
        {
            await call().ConfigureAwait(false);
            return new StorageHealth(service, true, null);
        }
        catch (RequestFailedException ex)
        {
            return new StorageHealth(service, false, ex.Status == 0 ? ex.Message : $"{ex.Status} {ex.ErrorCode}: {ex.Message}");
        }
        catch (AggregateException ex)
        {
            // The SDK wraps transport failures after its own retries.
            return new StorageHealth(service, false, ex.InnerException?.Message ?? ex.Message);
        }
        catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
        {
            return new StorageHealth(service, false, $"no answer within {Timeout.TotalSeconds:0} s");
        }
    }
}

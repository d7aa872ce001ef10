using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Backfill.Workflows.Hosting;

/// <summary>
/// Names the storage service on every failure of one client's calls (after its retries), so an HTTP
/// answer can say which service failed: blob, table, queue, or the durable task hub.
/// </summary>
internal sealed class StorageServiceTag(string service) : HttpPipelinePolicy
{
    /// <summary>The <see cref="Exception.Data"/> key holding the service name.</summary>
    public const string DataKey = "Backfill.StorageService";

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (Exception ex) when (Tag(ex))
        {
            throw;
        }

        ThrowOnServerError(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        catch (Exception ex) when (Tag(ex))
        {
            throw;
        }

        ThrowOnServerError(message);
    }

    // A 5xx that survived the retries would surface from the client without the service's name;
    // raising it here carries the name (every client call throws on a 5xx anyway).
    private void ThrowOnServerError(HttpMessage message)
    {
        if (message.HasResponse && message.Response.Status >= 500)
        {
            var failure = new RequestFailedException(message.Response);
            Tag(failure);
            throw failure;
        }
    }

    // Always false: tags in the exception filter, so the original exception and stack propagate untouched.
    private bool Tag(Exception exception)
    {
        exception.Data[DataKey] = service;
        return false;
    }
}

using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Backfill.Workflows.Hosting;

/// <summary>The health probe's own storage clients: no retries, a short network timeout. Queue is null when no queue endpoint is configured.</summary>
internal sealed record StorageProbeClients(BlobServiceClient Blobs, TableServiceClient Tables, QueueServiceClient? Queues);

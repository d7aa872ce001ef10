using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using static Backfill.Storage.Health.StorageServices;

namespace Backfill.Workflows.Hosting;

/// <summary>
/// Creates the storage clients from <see cref="StorageSettings"/>: connection string locally, managed identity in Azure.
/// Every client names its service on failure (<see cref="StorageServiceTag"/>) and bounds the calls made while serving
/// an HTTP request (<see cref="ApiAwareRetryPolicy"/>); the health probe's clients never retry.
/// </summary>
public static class StorageClients
{
    /// <summary>How long one health probe call may wait: the probe must answer well within a 5 s probe timeout.</summary>
    public static readonly TimeSpan ProbeNetworkTimeout = TimeSpan.FromSeconds(2.5);

    internal static BlobServiceClient Blobs(StorageSettings settings, TimeSpan apiCallTimeout) => Blobs(settings, Shaped(new BlobClientOptions(), Blob, apiCallTimeout));

    internal static TableServiceClient Tables(StorageSettings settings, TimeSpan apiCallTimeout) => Tables(settings, Shaped(new TableClientOptions(), Table, apiCallTimeout));

    internal static StorageProbeClients Probe(StorageSettings settings) => new(
        Blobs(settings, ProbeShaped(new BlobClientOptions(), Blob)),
        Tables(settings, ProbeShaped(new TableClientOptions(), Table)),
        settings.UsesIdentity && settings.QueueServiceUri is null ? null : Queues(settings, ProbeShaped(new QueueClientOptions(), Queue)));

    /// <summary>
    /// Gives options the app's storage behaviour: the failing service named as <paramref name="service"/>, and calls made
    /// while serving an HTTP request bounded to one retry and a wait of <paramref name="apiCallTimeout"/>
    /// (<see cref="StorageCallSettings.ApiCallTimeout"/>). The SDK's own retry settings (as <paramref name="options"/>
    /// holds them) still apply to everything else.
    /// </summary>
    public static T Shaped<T>(T options, string service, TimeSpan apiCallTimeout) where T : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(new StorageServiceTag(service), Azure.Core.HttpPipelinePosition.PerCall);
        options.RetryPolicy = new ApiAwareRetryPolicy(options.Retry, apiCallTimeout);
        return options;
    }

    private static T ProbeShaped<T>(T options, string service) where T : ClientOptions
    {
        options.AddPolicy(new StorageServiceTag(service), Azure.Core.HttpPipelinePosition.PerCall);
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = ProbeNetworkTimeout;
        return options;
    }

    private static BlobServiceClient Blobs(StorageSettings settings, BlobClientOptions options) =>
        settings.UsesIdentity ? new BlobServiceClient(settings.BlobServiceUri, Credential(settings), options) : new BlobServiceClient(settings.ConnectionString, options);

    private static TableServiceClient Tables(StorageSettings settings, TableClientOptions options) =>
        settings.UsesIdentity ? new TableServiceClient(settings.TableServiceUri, Credential(settings), options) : new TableServiceClient(settings.ConnectionString, options);

    private static QueueServiceClient Queues(StorageSettings settings, QueueClientOptions options) =>
        settings.UsesIdentity ? new QueueServiceClient(settings.QueueServiceUri, Credential(settings), options) : new QueueServiceClient(settings.ConnectionString, options);

    private static TokenCredential Credential(StorageSettings settings) =>
        string.Equals(settings.Credential, "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrEmpty(settings.ClientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(settings.ClientId))
            : new DefaultAzureCredential();
}

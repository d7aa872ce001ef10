using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace Backfill.Workflows.Hosting;

/// <summary>Creates the storage clients from <see cref="StorageSettings"/>: connection string locally, managed identity in Azure.</summary>
internal static class StorageClients
{
    public static BlobServiceClient Blobs(StorageSettings settings) =>
        settings.UsesIdentity ? new BlobServiceClient(settings.BlobServiceUri, Credential(settings)) : new BlobServiceClient(settings.ConnectionString);

    public static TableServiceClient Tables(StorageSettings settings) =>
        settings.UsesIdentity ? new TableServiceClient(settings.TableServiceUri, Credential(settings)) : new TableServiceClient(settings.ConnectionString);

    private static TokenCredential Credential(StorageSettings settings) =>
        string.Equals(settings.Credential, "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrEmpty(settings.ClientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(settings.ClientId))
            : new DefaultAzureCredential();
}

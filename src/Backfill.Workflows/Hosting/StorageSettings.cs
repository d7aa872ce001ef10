using System.ComponentModel.DataAnnotations;

namespace Backfill.Workflows.Hosting;

/// <summary>
/// Where the app's storage lives, read from the Functions host's own setting names so one set of
/// settings serves both hosts: either a connection string in <c>AzureWebJobsStorage</c>, or an
/// identity-based connection (<c>AzureWebJobsStorage__blobServiceUri</c>, <c>__tableServiceUri</c>, <c>__queueServiceUri</c>,
/// <c>__credential</c>, <c>__clientId</c>) as deployed by <c>infra/</c>.
/// </summary>
public sealed class StorageSettings : IValidatableObject
{
    /// <summary>The configuration key of the connection string, and the section of the identity-based settings.</summary>
    public const string ConnectionStringKey = "AzureWebJobsStorage";

    /// <summary>Connection string; empty when the identity-based settings are used.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Blob endpoint for an identity-based connection.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Table endpoint for an identity-based connection.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Queue endpoint for an identity-based connection (the task hub's queues); the health probe checks it when set.</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary><c>managedidentity</c> to use the app's managed identity; otherwise the default Azure credential chain.</summary>
    public string? Credential { get; set; }

    /// <summary>Client id of a user-assigned managed identity.</summary>
    public string? ClientId { get; set; }

    /// <summary>True when the identity-based settings are in use.</summary>
    public bool UsesIdentity => string.IsNullOrEmpty(ConnectionString);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UsesIdentity && (BlobServiceUri is null || TableServiceUri is null))
        {
            yield return new ValidationResult(
                "Storage is not configured: set AzureWebJobsStorage (a connection string), or AzureWebJobsStorage__blobServiceUri and AzureWebJobsStorage__tableServiceUri with a managed identity.",
                [nameof(ConnectionString)]);
        }
    }
}

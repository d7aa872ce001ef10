using System.ComponentModel.DataAnnotations;

namespace Backfill.Workflows.Hosting;

/// <summary>Where the app's storage lives. Both hosts read the same setting names as Azure Functions.</summary>
public sealed class StorageSettings
{
    /// <summary>The configuration key of the storage connection string (the Functions host's own name).</summary>
    public const string ConnectionStringKey = "AzureWebJobsStorage";

    /// <summary>Connection string of the storage account for the task hub and the datasets.</summary>
    [Required(ErrorMessage = "The setting 'AzureWebJobsStorage' (storage connection string) is required.")]
    public string ConnectionString { get; set; } = string.Empty;
}

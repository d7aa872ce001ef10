using Backfill.Azurite;
using Backfill.Workflows.Hosting;

namespace Backfill.LocalHost.Hosting;

/// <summary>
/// When no storage is configured, the local host brings its own: Azurite from the repository's
/// node_modules, persisted under <c>.data/azurite</c> so runs survive restarts.
/// </summary>
internal static class DevelopmentStorage
{
    /// <summary>Where the auto-started Azurite keeps its data; default <c>.data/azurite</c> in the repository.</summary>
    public const string LocationKey = "Azurite:Location";

    public static async Task<AzuriteServer?> EnsureAsync(ConfigurationManager configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var configured = configuration[StorageSettings.ConnectionStringKey];
        if (!string.IsNullOrWhiteSpace(configured) && !configured.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var root = RepositoryRoot.Find();
        var location = configuration[LocationKey] is { Length: > 0 } configuredLocation
            ? Path.GetFullPath(configuredLocation)
            : Path.Combine(root, ".data", "azurite");
        var server = await AzuriteServer.StartAsync(new AzuriteOptions { RepositoryRoot = root, Location = location }, cancellationToken).ConfigureAwait(false);
        configuration[StorageSettings.ConnectionStringKey] = server.ConnectionString;
        Log.AzuriteStarted(logger, location, server.Endpoints.BlobPort, server.Endpoints.QueuePort, server.Endpoints.TablePort);
        return server;
    }
}

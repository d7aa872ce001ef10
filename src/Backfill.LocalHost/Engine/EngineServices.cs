using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Backfill.Storage.Health;
using Backfill.Workflows.Hosting;
using DurableTask.AzureStorage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Backfill.LocalHost.Engine;

/// <summary>Registers the local durable engine, its client and its health source.</summary>
internal static class EngineServices
{
    public static IServiceCollection AddLocalDurableEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DurableEngineSettings>()
            .Bind(configuration.GetSection(DurableEngineSettings.Section))
            .Validate<IOptions<BackfillSettings>>((s, backfill) => backfill.Value.ActivityBudget <= s.MaxConcurrentActivities,
                "Backfill:ActivityBudget must be at most DurableEngine:MaxConcurrentActivities, or granted activities wait in the queue and the daily run's slots are not free.")
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(sp => new AzureStorageOrchestrationService(ServiceSettings(
            sp.GetRequiredService<IOptions<DurableEngineSettings>>().Value,
            sp.GetRequiredService<IOptions<TaskHubSettings>>().Value.Name,
            LocalConnectionString(sp.GetRequiredService<IOptions<StorageSettings>>().Value),
            sp.GetRequiredService<IOptions<StorageCallSettings>>().Value.ApiCallTimeout,
            sp.GetRequiredService<ILoggerFactory>())));
        services.TryAddSingleton(WorkflowTypes.Catalog);
        services.AddSingleton<DurableEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<DurableEngine>());
        services.AddSingleton<DurableTaskClient, LocalDurableTaskClient>();
        services.AddSingleton<IEngineStatusSource, LocalEngineStatus>();
        return services;
    }

    private static string LocalConnectionString(StorageSettings storage) => storage.UsesIdentity
        ? throw new InvalidOperationException("The local host needs AzureWebJobsStorage as a connection string (Azurite or an account key); identity-based storage is for the Functions app.")
        : storage.ConnectionString;

    private static AzureStorageOrchestrationServiceSettings ServiceSettings(
        DurableEngineSettings engine, string taskHub, string connectionString, TimeSpan apiCallTimeout, ILoggerFactory loggers) => new()
    {
        // The hub's clients name their failures "durable task hub" and bound the calls the HTTP API makes (the
        // client's starts and queries) to one retry; the engine's own dispatch keeps the SDK's full retries.
        StorageAccountClientProvider = new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(connectionString, StorageClients.Shaped(new BlobClientOptions(), StorageServices.TaskHub, apiCallTimeout)),
            StorageServiceClientProvider.ForQueue(connectionString, StorageClients.Shaped(new QueueClientOptions(), StorageServices.TaskHub, apiCallTimeout)),
            StorageServiceClientProvider.ForTable(connectionString, StorageClients.Shaped(new TableClientOptions(), StorageServices.TaskHub, apiCallTimeout))),
        TaskHubName = taskHub,
        PartitionCount = engine.PartitionCount,
        // Without a separate entity queue this worker never dispatches entity work items.
        UseSeparateQueueForEntityWorkItems = true,
        // Table partition management (the provider's default), with a generous operation timeout:
        // at the default 2 s a busy Azurite times out partition-table writes and the manager stalls.
        // The single-lease blob manager let two hosts own one partition at once (an entity counted
        // twice); the two-phase blob manager waits a fixed 5 s before a new host owns anything.
        UseTablePartitionManagement = true,
        PartitionTableOperationTimeout = TimeSpan.FromSeconds(30),
        // The app lease only serialises blue/green deployments of different app versions on one hub;
        // acquiring it delays a local host's first work by seconds.
        UseAppLease = false,
        // A start request for an id that is still running must fail loudly, not vanish silently.
        ThrowExceptionOnInvalidDedupeStatus = true,
        ControlQueueVisibilityTimeout = engine.QueueVisibilityTimeout,
        WorkItemQueueVisibilityTimeout = engine.QueueVisibilityTimeout,
        MaxQueuePollingInterval = engine.MaxQueuePollingInterval,
        LeaseInterval = engine.LeaseInterval,
        LeaseRenewInterval = engine.LeaseInterval / 3,
        // Free partitions (a new hub, or a crashed host's) are picked up within this long.
        LeaseAcquireInterval = TimeSpan.FromSeconds(1),
        MaxConcurrentTaskActivityWorkItems = engine.MaxConcurrentActivities,
        MaxConcurrentTaskOrchestrationWorkItems = engine.MaxConcurrentOrchestrations,
        // A restarted process is a new worker: it must not think it still holds the old one's leases.
        WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}",
        LoggerFactory = loggers,
    };
}

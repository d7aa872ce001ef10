using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Backfill.Storage.Alerts;
using Backfill.Workflows.Alerts;
using Backfill.Storage.Backfills;
using Backfill.Storage.Commits;
using Backfill.Storage.Layout;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Pipeline;
using Backfill.Storage.Health;
using Backfill.Workflows.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Hosting;

/// <summary>The one service registration both hosts call, so they cannot drift apart.</summary>
public static class WorkflowServices
{
    /// <summary>Registers storage clients, settings (validated at start) and the HTTP handlers.</summary>
    public static IServiceCollection AddBackfillWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageSettings>()
            .Bind(configuration.GetSection(StorageSettings.ConnectionStringKey))
            .Configure(s => s.ConnectionString = configuration[StorageSettings.ConnectionStringKey] ?? string.Empty)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(sp => StorageClients.Blobs(sp.GetRequiredService<IOptions<StorageSettings>>().Value));
        services.AddSingleton(sp => StorageClients.Tables(sp.GetRequiredService<IOptions<StorageSettings>>().Value));
        services.AddOptions<BackfillSettings>()
            .Bind(configuration.GetSection(BackfillSettings.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<StorageHealthProbe>();
        services.AddSingleton<HealthHandler>();
        services.AddSingleton<EngineCheckHandler>();
        services.AddSingleton<BackfillItemStore>();
        services.AddSingleton(sp => new LakeStorage(
            sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<TableServiceClient>(), new LakeOptions(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<LakeReady>();
        services.AddOptions<ValidationSettings>().Bind(configuration.GetSection(ValidationSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ValidationSettings>, ValidationSettingsValidator>();
        services.AddOptions<AlertSettings>().Bind(configuration.GetSection(AlertSettings.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(AlertRaiser.WebhookClient);
        services.AddSingleton<AlertStore>();
        services.AddSingleton<AlertRaiser>();
        services.AddSingleton<AlertsHandler>();
        services.AddSingleton<ICommitValidator, PartitionGate>();
        services.AddSingleton<IWorkItemRunner, PipelineWorkItemRunner>();
        services.AddSingleton<ICommittedPartitions, LakeCommittedPartitions>();
        services.AddSingleton<BackfillsHandler>();
        services.AddSingleton<BackfillControlHandler>();
        services.AddSingleton<SeedDataHandler>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}

using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Backfill.Core.Features;
using Backfill.Core.Validation;
using Backfill.Storage.Alerts;
using Backfill.Storage.Backfills;
using Backfill.Storage.Commits;
using Backfill.Storage.Daily;
using Backfill.Storage.Health;
using Backfill.Storage.Layout;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Alerts;
using Backfill.Workflows.Orchestrators;
using Backfill.Workflows.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Hosting;

/// <summary>The one service registration both hosts call, so they cannot drift apart.</summary>
public static class WorkflowServices
{
    /// <summary>Registers storage clients, settings (validated at start) and the pipeline; the HTTP handlers are <c>AddBackfillApi</c>'s.</summary>
    public static IServiceCollection AddBackfillWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageSettings>()
            .Bind(configuration.GetSection(StorageSettings.ConnectionStringKey))
            .Configure(s => s.ConnectionString = configuration[StorageSettings.ConnectionStringKey] ?? string.Empty)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddOptions<TaskHubSettings>()
            .Configure(s => s.Name = configuration[TaskHubSettings.Key] ?? s.Name)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<StorageCallSettings>().Bind(configuration.GetSection(StorageCallSettings.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => StorageClients.Blobs(
            sp.GetRequiredService<IOptions<StorageSettings>>().Value, sp.GetRequiredService<IOptions<StorageCallSettings>>().Value.ApiCallTimeout));
        services.AddSingleton(sp => StorageClients.Tables(
            sp.GetRequiredService<IOptions<StorageSettings>>().Value, sp.GetRequiredService<IOptions<StorageCallSettings>>().Value.ApiCallTimeout));
        services.AddOptions<BackfillSettings>()
            .Bind(configuration.GetSection(BackfillSettings.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<DailySettings>()
            .Bind(configuration.GetSection(DailySettings.Section))
            .Validate(s => FeatureVersions.All.Any(v => v.Name == s.Target), "Daily:Target must name a feature version.")
            .Validate(s => s.MaxParallel <= s.ReservedSlots,
                "Daily:MaxParallel must be at most Daily:ReservedSlots: the daily run only uses the activity slots reserved for it.")
            .Validate<IOptions<BackfillSettings>>((s, backfill) => s.ReservedSlots < backfill.Value.ActivityBudget,
                "Daily:ReservedSlots must be below Backfill:ActivityBudget, or no slot is left for backfills.")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<VersionSettings>().Bind(configuration.GetSection(VersionSettings.Section)).ValidateDataAnnotations().ValidateOnStart();
        // The probe's own clients: no retries and a short timeout, so /api/health answers 503 within seconds.
        services.AddSingleton(sp =>
        {
            var probe = StorageClients.Probe(sp.GetRequiredService<IOptions<StorageSettings>>().Value);
            return new StorageHealthProbe(probe.Blobs, probe.Tables, probe.Queues);
        });
        services.AddSingleton<BackfillItemStore>();
        // Section "Lake" (container and lineage table names, retention): separate lakes can share one account.
        services.AddOptions<LakeSettings>().Bind(configuration.GetSection(LakeSettings.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new LakeStorage(
            sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<IOptions<LakeSettings>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<LakeReady>();
        services.AddSingleton<GarbageSweep>();
        // Section "Layout": entity buckets per dataset, so one day of a large dataset runs as many bounded work items.
        services.AddOptions<LayoutSettings>().Bind(configuration.GetSection(LayoutSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LayoutSettings>, LayoutSettingsValidator>();
        services.AddOptions<ValidationSettings>().Bind(configuration.GetSection(ValidationSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ValidationSettings>, ValidationSettingsValidator>();
        services.AddOptions<AlertSettings>().Bind(configuration.GetSection(AlertSettings.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(AlertRaiser.WebhookClient);
        services.AddSingleton<AlertStore>();
        services.AddSingleton<AlertRaiser>();
        services.AddOptions<FaultHookSettings>().Bind(configuration.GetSection(FaultHookSettings.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ICommitValidator, PartitionGate>();
        services.AddSingleton<IWorkItemRunner, PipelineWorkItemRunner>();
        services.AddSingleton<ICommittedPartitions, LakeCommittedPartitions>();
        services.AddSingleton<IPartitionStates, LakePartitionStates>();
        services.AddSingleton<ICommitHistory, LakeCommitHistory>();
        services.AddSingleton<LateDataStore>();
        services.AddSingleton(sp => new DailyRunClaims(
            sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<TaskHubSettings>>().Value.Name));
        services.AddSingleton<LateDataRecorder>();
        services.AddSingleton<LateDataRecording>();
        services.AddSingleton<DailyRunStarter>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}

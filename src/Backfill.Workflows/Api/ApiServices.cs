using Microsoft.Extensions.DependencyInjection;

namespace Backfill.Workflows.Api;

/// <summary>
/// The HTTP handlers both hosts serve, registered apart from <c>AddBackfillWorkflows</c> so that the pipeline's
/// registration knows nothing of the API: the API depends on the pipeline, never the other way.
/// </summary>
public static class ApiServices
{
    /// <summary>Registers every handler of <c>Backfill.Workflows.Api</c>; call after <c>AddBackfillWorkflows</c>.</summary>
    public static IServiceCollection AddBackfillApi(this IServiceCollection services)
    {
        services.AddSingleton<HealthHandler>();
        services.AddSingleton<EngineCheckHandler>();
        services.AddSingleton<AlertsHandler>();
        services.AddSingleton<BackfillsHandler>();
        services.AddSingleton<BackfillList>();
        services.AddSingleton<BackfillControlHandler>();
        services.AddSingleton<BackfillReportHandler>();
        services.AddSingleton<BackfillItemHandler>();
        services.AddSingleton<ClaimsHandler>();
        services.AddSingleton<SeedDataHandler>();
        services.AddSingleton<PartitionsHandler>();
        services.AddSingleton<PartitionRollbackHandler>();
        services.AddSingleton<PartitionHistoryHandler>();
        services.AddSingleton<PointersHandler>();
        services.AddSingleton<VersionsHandler>();
        services.AddSingleton<ReadHandler>();
        services.AddSingleton<FilesHandler>();
        services.AddSingleton<DailyHandler>();
        services.AddSingleton<LateDataHandler>();
        return services;
    }
}

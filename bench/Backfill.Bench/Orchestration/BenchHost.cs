using Backfill.LocalHost.Engine;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Hosting;
using DurableTask.AzureStorage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Backfill.Bench.Orchestration;

/// <summary>The local engine in this process, as the local host runs it, plus the benchmark's own fan-outs.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchHost(IHost host) => _host = host;

    public DurableTaskClient Client => _host.Services.GetRequiredService<DurableTaskClient>();

    public IServiceProvider Services => _host.Services;

    public AzureStorageOrchestrationService Engine => _host.Services.GetRequiredService<AzureStorageOrchestrationService>();

    /// <summary>
    /// Gets a token cancelled by Ctrl+C or SIGTERM: the host's console lifetime takes the signal and stops the engine,
    /// so a long benchmark stops waiting too, and the process ends (and stops its Azurite) instead of polling a stopped
    /// engine.
    /// </summary>
    public CancellationToken Stopping => _host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

    /// <summary>The benchmark's fan-outs on a stand-in data plane.</summary>
    public static Task<BenchHost> StartAsync(string connectionString, TimedWork work, SleepingRunner runner) =>
        StartAsync(connectionString, services =>
        {
            services.AddSingleton(work);
            services.AddSingleton<IWorkItemRunner>(runner);
            services.AddSingleton(WorkflowTypes.Catalog.With([typeof(BatchBarrierOrchestrator), typeof(BareWindowOrchestrator)], [typeof(BenchWorkActivity)]));
        });

    /// <summary>The production registrations, changed by <paramref name="services"/>, with <paramref name="settings"/> over the defaults.</summary>
    public static async Task<BenchHost> StartAsync(
        string connectionString, Action<IServiceCollection> services, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageSettings.ConnectionStringKey] = connectionString,
            ["TaskHubName"] = "bench" + Guid.NewGuid().ToString("N")[..8],
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddBackfillWorkflows(builder.Configuration);
        services(builder.Services);
        builder.Services.AddLocalDurableEngine(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return new BenchHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

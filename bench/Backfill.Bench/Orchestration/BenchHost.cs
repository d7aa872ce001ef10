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

    public AzureStorageOrchestrationService Engine => _host.Services.GetRequiredService<AzureStorageOrchestrationService>();

    public static async Task<BenchHost> StartAsync(string connectionString, TimedWork work, SleepingRunner runner)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageSettings.ConnectionStringKey] = connectionString,
            ["TaskHubName"] = "bench" + Guid.NewGuid().ToString("N")[..8],
        });
        builder.Services.AddBackfillWorkflows(builder.Configuration);
        builder.Services.AddSingleton(work);
        builder.Services.AddSingleton<IWorkItemRunner>(runner);
        builder.Services.AddSingleton(WorkflowTypes.Catalog.With([typeof(BatchBarrierOrchestrator), typeof(BareWindowOrchestrator)], [typeof(BenchWorkActivity)]));
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

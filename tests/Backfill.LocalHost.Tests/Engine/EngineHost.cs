using Backfill.LocalHost.Engine;
using Backfill.Workflows.Api;
using Backfill.Workflows.Hosting;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Backfill.LocalHost.Tests.Engine;

/// <summary>The local engine started in-process on its own task hub, with the production registrations.</summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly IHost _host;

    private EngineHost(IHost host) => _host = host;

    public DurableTaskClient Client => _host.Services.GetRequiredService<DurableTaskClient>();

    public IServiceProvider Services => _host.Services;

    public static async Task<EngineHost> StartAsync(
        string connectionString, string taskHub, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageSettings.ConnectionStringKey] = connectionString,
            ["TaskHubName"] = taskHub,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddBackfillWorkflows(builder.Configuration);
        builder.Services.AddBackfillApi();
        builder.Services.AddLocalDurableEngine(builder.Configuration);
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new EngineHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}

using Backfill.LocalHost.Engine;
using Backfill.LocalHost.Hosting;
using Backfill.LocalHost.Tests.Engine;
using Backfill.Testing;
using Backfill.Workflows.Api;
using Backfill.Workflows.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Backfill.LocalHost.Tests.Hosting;

/// <summary>
/// The local host's API in-process as Program.cs builds it (failure handling, shared routes, telemetry), on a free
/// loopback port and its own task hub, without the development Azurite and the daily timer. Its storage calls made
/// for a request wait <see cref="AzuriteFixture.SlowCallTimeout"/> (unless <c>settings</c> say otherwise), as the
/// end-to-end tests' hosts do: a start that took the emulator over 8 s beside the other test projects failed CI with
/// a 503 that was right for the product and wrong for that test.
/// </summary>
internal static class LocalApi
{
    public static async Task<WebApplication> StartAsync(
        string connectionString, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageSettings.ConnectionStringKey] = connectionString,
            ["TaskHubName"] = TaskHubNames.New(),
            ["Storage:ApiCallTimeout"] = AzuriteFixture.SlowCallTimeout,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddProblemDetails();
        builder.Services.AddBackfillWorkflows(builder.Configuration);
        builder.Services.AddBackfillApi();
        builder.Services.AddLocalDurableEngine(builder.Configuration);
        builder.Services.AddLocalTelemetry(builder.Configuration);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseApiFailureHandling();
        app.MapBackfillApi();
        app.MapLocalTelemetry();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }
}

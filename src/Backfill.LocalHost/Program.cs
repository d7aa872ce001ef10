using Backfill.LocalHost.Engine;
using Backfill.LocalHost.Hosting;
using Backfill.Workflows.Api;
using Backfill.Workflows.Hosting;
using Microsoft.Extensions.Options;

// Content root = the app folder, so appsettings.json applies from any working directory; the
// Functions-style local.settings.json is read from the working directory, as func would.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddLocalSettingsFile(Path.Combine(Directory.GetCurrentDirectory(), "local.settings.json"));
builder.Configuration.AddEnvironmentVariables();
builder.Configuration.AddCommandLine(args);

// Loopback only, on the Functions host's port, unless --urls or ASPNETCORE_URLS says otherwise.
var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
if (string.IsNullOrEmpty(urls))
{
    urls = "http://127.0.0.1:7071";
    builder.WebHost.UseUrls(urls);
}

if (BusyPort.Find(urls) is { } busy)
{
    Console.Error.WriteLine(BusyPort.Message(busy));
    return BusyPort.ExitCode;
}

using var startupLogs = LoggerFactory.Create(logging => logging.AddSimpleConsole());
await using var azurite = await DevelopmentStorage.EnsureAsync(
    builder.Configuration, startupLogs.CreateLogger("Backfill.LocalHost"), CancellationToken.None);

builder.Services.AddOptions<ShutdownSettings>().Bind(builder.Configuration.GetSection(ShutdownSettings.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<HostOptions>().Configure<IOptions<ShutdownSettings>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.GracefulPart);
builder.Services.AddHostedService<ShutdownWatchdog>();
builder.Services.AddProblemDetails();
builder.Services.AddBackfillWorkflows(builder.Configuration);
builder.Services.AddBackfillApi();
builder.Services.AddLocalDurableEngine(builder.Configuration);
builder.Services.AddLocalTelemetry(builder.Configuration);
builder.Services.AddSingleton(new DailySchedule(builder.Configuration[DailySettings.ScheduleSetting]));
builder.Services.AddHostedService<DailyTimerService>();

var app = builder.Build();
app.UseApiFailureHandling();
app.MapBackfillApi();
app.MapLocalTelemetry();
await app.RunAsync();
return 0;

using Backfill.LocalHost.Engine;
using Backfill.LocalHost.Hosting;
using Backfill.Workflows.Api;
using Backfill.Workflows.Hosting;

// Content root = the app folder, so appsettings.json applies from any working directory; the
// Functions-style local.settings.json is read from the working directory, as func would.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddLocalSettingsFile(Path.Combine(Directory.GetCurrentDirectory(), "local.settings.json"));
builder.Configuration.AddEnvironmentVariables();
builder.Configuration.AddCommandLine(args);

// Loopback only, on the Functions host's port, unless --urls or ASPNETCORE_URLS says otherwise.
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:7071");
}

using var startupLogs = LoggerFactory.Create(logging => logging.AddSimpleConsole());
await using var azurite = await DevelopmentStorage.EnsureAsync(
    builder.Configuration, startupLogs.CreateLogger("Backfill.LocalHost"), CancellationToken.None);

builder.Services.AddProblemDetails();
builder.Services.AddBackfillWorkflows(builder.Configuration);
builder.Services.AddLocalDurableEngine(builder.Configuration);
builder.Services.AddSingleton(new DailySchedule(builder.Configuration[DailySettings.ScheduleSetting]));
builder.Services.AddHostedService<DailyTimerService>();

var app = builder.Build();
app.UseExceptionHandler();
app.MapBackfillApi();
await app.RunAsync();

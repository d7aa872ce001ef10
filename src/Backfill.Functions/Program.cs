using Backfill.Functions;
using Backfill.Functions.Triggers;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Api;
using Backfill.Workflows.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ApiFailureMiddleware>();

// Telemetry goes to Azure Monitor through OpenTelemetry (connection string and Entra auth from app settings).
builder.Services.AddFunctionsTelemetry(builder.Configuration);
builder.Services.AddBackfillWorkflows(builder.Configuration);
builder.Services.AddBackfillApi();
builder.Services.AddSingleton<IEngineStatusSource, FunctionsEngineStatus>();
builder.Services.AddTransient<EngineCheckActivity>();
builder.Services.AddTransient<RunWorkItemActivity>();
builder.Services.AddTransient<CheckCompletenessActivity>();
builder.Services.AddTransient<CanaryActivity>();
builder.Services.AddTransient<PublishPointerActivity>();
builder.Services.AddTransient<PublishVersionsActivity>();
builder.Services.AddTransient<RecordLateDataActivity>();
builder.Services.AddTransient<ScanLateArrivalsActivity>();
builder.Services.AddTransient<RaiseAlertActivity>();
await builder.Build().RunAsync();

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

// Telemetry goes to Application Insights (connection string and Entra auth from app settings);
// log scopes (BackfillId, Dataset, Partition) become custom dimensions.
builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
builder.Services.AddBackfillWorkflows(builder.Configuration);
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

using Backfill.Workflows.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddBackfillWorkflows(builder.Configuration);
await builder.Build().RunAsync();

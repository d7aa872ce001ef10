using Backfill.Workflows.Hosting;
using Microsoft.Extensions.Configuration;

namespace Backfill.Functions.Triggers;

/// <summary>In Azure the engine is the Durable Functions extension inside the host; the worker only runs while the host does.</summary>
internal sealed class FunctionsEngineStatus(IConfiguration configuration) : IEngineStatusSource
{
    public EngineStatus Current => new("durable-functions", configuration["TaskHubName"] ?? "backfill", Running: true);
}

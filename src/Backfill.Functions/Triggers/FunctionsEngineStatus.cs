using Backfill.Workflows.Hosting;
using Microsoft.Extensions.Options;

namespace Backfill.Functions.Triggers;

/// <summary>In Azure the engine is the Durable Functions extension inside the host; the worker only runs while the host does.</summary>
internal sealed class FunctionsEngineStatus(IOptions<TaskHubSettings> taskHub) : IEngineStatusSource
{
    public EngineStatus Current => new("durable-functions", taskHub.Value.Name, Running: true);
}

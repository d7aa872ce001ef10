using Backfill.Workflows.Hosting;
using Microsoft.Extensions.Options;

namespace Backfill.LocalHost.Engine;

/// <summary>Reports the local Durable Task engine to the shared health handler.</summary>
internal sealed class LocalEngineStatus(DurableEngine engine, IOptions<TaskHubSettings> taskHub) : IEngineStatusSource
{
    public EngineStatus Current => new("durable-task-azure-storage", taskHub.Value.Name, engine.IsRunning);
}

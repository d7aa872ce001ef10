namespace Backfill.Workflows.Hosting;

/// <summary>Each host registers one, so the shared health handler can report the engine without knowing the host.</summary>
public interface IEngineStatusSource
{
    /// <summary>The engine's status right now.</summary>
    EngineStatus Current { get; }
}

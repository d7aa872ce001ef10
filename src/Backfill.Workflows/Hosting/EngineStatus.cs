namespace Backfill.Workflows.Hosting;

/// <summary>What each host reports about the durable engine it runs on.</summary>
/// <param name="Kind">Which engine: the local Durable Task engine, or the Functions extension.</param>
/// <param name="TaskHub">The task hub name.</param>
/// <param name="Running">Whether the engine is dispatching work.</param>
public sealed record EngineStatus(string Kind, string TaskHub, bool Running);

using Backfill.Storage.Health;
using Backfill.Workflows.Hosting;

namespace Backfill.Workflows.Api;

/// <summary>Body of <c>GET /api/health</c>.</summary>
/// <param name="Status">healthy when the engine runs and every storage service answered, else unhealthy.</param>
/// <param name="CodeVersion">The running build's code version.</param>
/// <param name="Engine">The durable engine.</param>
/// <param name="Storage">One entry per storage service.</param>
public sealed record HealthReport(string Status, string CodeVersion, EngineStatus Engine, IReadOnlyList<StorageHealth> Storage);

using Backfill.Storage.Health;

namespace Backfill.Workflows.Api;

/// <summary>Body of <c>GET /api/health</c>.</summary>
/// <param name="Status">healthy when every dependency answered, else unhealthy.</param>
/// <param name="CodeVersion">The running build's code version.</param>
/// <param name="Storage">One entry per storage service.</param>
public sealed record HealthReport(string Status, string CodeVersion, IReadOnlyList<StorageHealth> Storage);

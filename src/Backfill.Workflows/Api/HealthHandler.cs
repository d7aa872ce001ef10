using Backfill.Core.Versioning;
using Backfill.Storage.Health;
using Backfill.Workflows.Hosting;
using Microsoft.AspNetCore.Http;

namespace Backfill.Workflows.Api;

/// <summary><c>GET /api/health</c>: 200 when the engine runs and storage answers, 503 naming what failed otherwise.</summary>
public sealed class HealthHandler(StorageHealthProbe storage, IEngineStatusSource engine)
{
    /// <summary>The route, shared by both hosts.</summary>
    public const string Route = "health";

    /// <summary>Checks the dependencies and reports them.</summary>
    public async Task<IResult> GetAsync(CancellationToken cancellationToken)
    {
        var checks = await storage.CheckAsync(cancellationToken).ConfigureAwait(false);
        var status = engine.Current;
        var healthy = status.Running && checks.All(c => c.Healthy);
        var report = new HealthReport(healthy ? "healthy" : "unhealthy", CodeVersion.Current.Value, status, checks);
        return Results.Json(report, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}

using Backfill.Workflows.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Backfill.LocalHost.Hosting;

/// <summary>
/// The local host's telemetry export: OTLP (traces and metrics) when <see cref="OtlpEndpointKey"/> is set, otherwise
/// a Prometheus scrape endpoint at <c>GET /metrics</c> on the host's own (loopback) address. The Functions host exports
/// to Azure Monitor instead, so <c>/metrics</c> is not one of the shared API routes.
/// </summary>
internal static class LocalTelemetry
{
    /// <summary>The standard OpenTelemetry setting; the OTLP exporter reads it (and its siblings) itself.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// The engine's source: its orchestration and activity spans. An activity runs under its span, a child of the
    /// orchestration's trace, so Backfill's work-item spans join that trace.
    /// </summary>
    public const string EngineSource = "DurableTask.Core";

    /// <summary>Registers Backfill's telemetry, with the engine's spans, and the local exporter.</summary>
    public static void AddLocalTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddBackfillTelemetry().WithTracing(tracing => tracing.AddSource(EngineSource));
        if (ExportsOtlp(configuration))
        {
            telemetry.UseOtlpExporter();
        }
        else
        {
            telemetry.WithMetrics(metrics => metrics.AddPrometheusExporter());
        }
    }

    /// <summary>Maps <c>GET /metrics</c> when metrics are scraped rather than pushed.</summary>
    public static void MapLocalTelemetry(this WebApplication app)
    {
        if (!ExportsOtlp(app.Configuration))
        {
            app.MapPrometheusScrapingEndpoint();
        }
    }

    private static bool ExportsOtlp(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
}

using Backfill.Workflows.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Backfill.Workflows.Hosting;

/// <summary>The one OpenTelemetry registration both hosts call; each host adds only its exporter.</summary>
public static class TelemetryServices
{
    /// <summary>
    /// Listens to Backfill's spans (work items and their commits' stage, validate and publish) and metrics (items,
    /// durations, rows and bytes written, validation results). Exporters are the host's: OTLP or Prometheus locally,
    /// Azure Monitor in Functions.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <returns>The builder, for the host's exporter.</returns>
    public static OpenTelemetryBuilder AddBackfillTelemetry(this IServiceCollection services) =>
        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(BackfillTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(BackfillTelemetry.Name));
}

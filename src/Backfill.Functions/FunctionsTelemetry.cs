using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Backfill.Workflows.Hosting;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Logs;

namespace Backfill.Functions;

/// <summary>
/// The Functions app's telemetry: Backfill's spans and metrics (<see cref="TelemetryServices.AddBackfillTelemetry"/>)
/// and the worker's logs, through OpenTelemetry to Azure Monitor (host.json <c>telemetryMode</c>).
/// </summary>
internal static class FunctionsTelemetry
{
    /// <summary>The Application Insights resource to export to; unset (e.g. under <c>func start</c>), nothing is exported.</summary>
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>How to authenticate, as <c>infra/</c> sets it: <c>ClientId=&lt;identity&gt;;Authorization=AAD</c>.</summary>
    public const string AuthenticationStringKey = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static void AddFunctionsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddBackfillTelemetry().UseFunctionsWorkerDefaults();
        if (!string.IsNullOrWhiteSpace(configuration[ConnectionStringKey]))
        {
            // The exporter reads the connection string itself, but not the authentication string: the resource
            // disables local auth, so Entra ID with the app's identity is the only way in.
            var credential = Credential(configuration[AuthenticationStringKey]);
            telemetry.UseAzureMonitorExporter(options => options.Credential = credential);
        }

        // Log scopes (BackfillId, Dataset, Partition) become custom dimensions.
        services.Configure<OpenTelemetryLoggerOptions>(options => options.IncludeScopes = true);
    }

    /// <summary>The managed identity an authentication string names, or null when it asks for none.</summary>
    /// <param name="authentication">E.g. <c>ClientId=…;Authorization=AAD</c>.</param>
    /// <returns>The credential, or null.</returns>
    public static TokenCredential? Credential(string? authentication) =>
        ApplicationInsightsAuthentication.Parse(authentication) switch
        {
            null => null,
            { ClientId: { } clientId } => new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId)),
            _ => new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned),
        };
}

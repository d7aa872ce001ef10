using Azure.Core;
using Azure.Core.Pipeline;

namespace Backfill.Workflows.Hosting;

/// <summary>
/// Marks the storage calls made while serving one HTTP request, so the storage clients' retry policy
/// can bound them (<see cref="ApiAwareRetryPolicy"/>). The mark is an Azure SDK message property that
/// flows with the request's async context; work the engine runs (activities, orchestrations) never
/// carries it, so the data plane keeps the SDK's full retries.
/// </summary>
public static class ApiCallScope
{
    private const string Property = "Backfill.ApiCall";

    /// <summary>Starts the scope; dispose it when the request has been answered.</summary>
    public static IDisposable Begin() => HttpPipeline.CreateHttpMessagePropertiesScope(new Dictionary<string, object?> { [Property] = true });

    /// <summary>True when the message is sent while serving an HTTP request.</summary>
    internal static bool Contains(HttpMessage message) => message.TryGetProperty(Property, out var value) && value is true;
}

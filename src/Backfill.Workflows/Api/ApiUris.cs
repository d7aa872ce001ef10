using Microsoft.AspNetCore.Http;

namespace Backfill.Workflows.Api;

/// <summary>Absolute URIs of API routes, on the host that served the request (so both hosts answer with their own address).</summary>
public static class ApiUris
{
    /// <summary>The URI of <paramref name="route"/> with its route parameter <paramref name="parameter"/> set to <paramref name="value"/>.</summary>
    public static string Of(HttpRequest request, string route, string parameter, string value)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(route);
        return $"{request.Scheme}://{request.Host}/api/{route.Replace($"{{{parameter}}}", Uri.EscapeDataString(value), StringComparison.Ordinal)}";
    }
}

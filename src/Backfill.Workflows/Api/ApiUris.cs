using Microsoft.AspNetCore.Http;

namespace Backfill.Workflows.Api;

/// <summary>Absolute URIs of API routes, on the host that served the request (so both hosts answer with their own address).</summary>
public static class ApiUris
{
    /// <summary>The URI of <paramref name="route"/> with its route parameter <paramref name="parameter"/> set to <paramref name="value"/>.</summary>
    public static string Of(HttpRequest request, string route, string parameter, string value) => Of(request, route, (parameter, value));

    /// <summary>The URI of <paramref name="route"/> with each of its route parameters set to its value.</summary>
    public static string Of(HttpRequest request, string route, params (string Parameter, string Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(values);
        var path = values.Aggregate(route, (current, set) => current.Replace($"{{{set.Parameter}}}", Uri.EscapeDataString(set.Value), StringComparison.Ordinal));
        return $"{request.Scheme}://{request.Host}/api/{path}";
    }
}

using Microsoft.AspNetCore.Http;

namespace Backfill.Workflows.Api;

/// <summary>
/// <c>GET /api/dashboard</c>: one self-contained HTML page (its CSS and JS inlined from embedded resources, no CDN)
/// that reads the partitions, backfills, pointer and late-data routes and refreshes itself every few seconds, and acts
/// (plan, start, control, rebuild, flip, roll back) through the same API.
/// </summary>
public static class DashboardHandler
{
    /// <summary>The route.</summary>
    public const string Route = "dashboard";

    // One request for the whole page: a Functions host would ask a key for every further file.
    private static readonly Lazy<string> Page = new(() => Resource("dashboard.html")
        .Replace("/*CSS*/", Resource("dashboard.css"), StringComparison.Ordinal)
        .Replace("/*JS*/", Resource("dashboard.js"), StringComparison.Ordinal)
        .Replace("/*ACTIONS*/", Resource("dashboard-actions.js"), StringComparison.Ordinal));

    /// <summary>The page.</summary>
    public static IResult Get() => Results.Content(Page.Value, "text/html; charset=utf-8");

    private static string Resource(string name)
    {
        var assembly = typeof(DashboardHandler).Assembly;
        using var stream = assembly.GetManifestResourceStream("Backfill.Workflows.Dashboard." + name)
            ?? throw new InvalidOperationException($"The dashboard resource {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

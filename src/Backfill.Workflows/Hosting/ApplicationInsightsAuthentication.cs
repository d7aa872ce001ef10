namespace Backfill.Workflows.Hosting;

/// <summary>
/// What <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> asks for. The Functions host reads it for its own telemetry,
/// but the worker's Azure Monitor exporter (1.10.0) reads only the connection string, so the worker builds the
/// managed-identity credential from this itself.
/// </summary>
/// <param name="ClientId">The user-assigned identity's client id; null for the system-assigned identity.</param>
public sealed record ApplicationInsightsAuthentication(string? ClientId)
{
    /// <summary>Parses <c>ClientId=&lt;id&gt;;Authorization=AAD</c> (keys in any case and order).</summary>
    /// <param name="value">The setting's value.</param>
    /// <returns>The identity to use, or null when the setting does not ask for Entra ID (<c>Authorization=AAD</c>).</returns>
    public static ApplicationInsightsAuthentication? Parse(string? value)
    {
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in (value ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length == 2)
            {
                parts[pair[0]] = pair[1];
            }
        }

        if (!parts.TryGetValue("Authorization", out var authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new ApplicationInsightsAuthentication(parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0 ? clientId : null);
    }
}

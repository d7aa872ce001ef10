using System.Text.Json;

namespace Backfill.LocalHost.Hosting;

/// <summary>
/// Reads the <c>Values</c> of a Functions <c>local.settings.json</c>, so one settings file with the
/// same names configures both hosts.
/// </summary>
internal static class LocalSettingsFile
{
    public static IConfigurationBuilder AddLocalSettingsFile(this IConfigurationBuilder configuration, string path)
    {
        if (!File.Exists(path))
        {
            return configuration;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (!document.RootElement.TryGetProperty("Values", out var values))
        {
            return configuration;
        }

        // Functions flattens nested names with "__"; configuration uses ":".
        var pairs = values.EnumerateObject()
            .Select(p => KeyValuePair.Create(p.Name.Replace("__", ":", StringComparison.Ordinal), (string?)p.Value.ToString()));
        return configuration.AddInMemoryCollection(pairs);
    }
}

using System.Text.Json;

namespace Backfill.Functions.Tests;

/// <summary>One function of the published functions.metadata, reduced to its trigger.</summary>
internal sealed record FunctionTrigger(string Name, string Type, string? Route, IReadOnlyList<string> Methods, string? AuthLevel, string? Schedule, bool? UseMonitor)
{
    public static IReadOnlyList<FunctionTrigger> ReadAll(string publishFolder)
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(publishFolder, "functions.metadata")));
        return metadata.RootElement.EnumerateArray().Select(function =>
        {
            var trigger = function.GetProperty("bindings").EnumerateArray()
                .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            return new FunctionTrigger(
                function.GetProperty("name").GetString()!,
                trigger.GetProperty("type").GetString()!,
                Text(trigger, "route"),
                trigger.TryGetProperty("methods", out var methods) ? methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToList() : [],
                Text(trigger, "authLevel"),
                Text(trigger, "schedule"),
                trigger.TryGetProperty("useMonitor", out var monitor) ? monitor.GetBoolean() : null);
        }).ToList();
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;
}

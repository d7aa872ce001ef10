using System.Text.Json;

namespace Backfill.Cli;

/// <summary>The one JSON shape the CLI prints with <c>--json</c>: the API's camelCase, indented.</summary>
internal static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}

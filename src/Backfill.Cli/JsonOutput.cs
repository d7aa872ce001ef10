using System.Text.Json;
using Spectre.Console;

namespace Backfill.Cli;

/// <summary>The one JSON shape the CLI prints with <c>--json</c>: the API's camelCase, indented.</summary>
internal static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes <paramref name="value"/> as JSON straight to the console's writer: no wrapping or markup, so scripts can parse it.</summary>
    public static void Write(IAnsiConsole console, object value)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, Options));
    }
}

using System.Globalization;
using System.Text.Json;

namespace Backfill.Cli.Commands;

/// <summary>Reads optional fields of the API's JSON for display: absent or null shows as empty, never throws.</summary>
internal static class JsonFields
{
    public static string Text(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!,
                JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
                JsonValueKind.Number => value.GetDecimal().ToString(CultureInfo.InvariantCulture),
                _ => value.GetRawText(),
            }
            : string.Empty;

    public static long Number(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    public static IEnumerable<JsonElement> Array(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];
}

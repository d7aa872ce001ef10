using System.Text.Json;
using System.Text.Json.Serialization;

namespace Backfill.Storage.Layout;

/// <summary>The one JSON shape of manifests, commit records and quarantine lines: snake_case, enums as snake_case text.</summary>
internal static class LakeJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new DayJsonConverter() },
    };

    /// <summary>The same shape on one line, for JSON Lines files.</summary>
    public static JsonSerializerOptions LineOptions { get; } = new(Options) { WriteIndented = false };

    public static BinaryData Serialize<T>(T value) => BinaryData.FromObjectAsJson(value, Options);

    public static T Deserialize<T>(BinaryData data) =>
        data.ToObjectFromJson<T>(Options) ?? throw new JsonException($"Empty {typeof(T).Name} JSON.");
}

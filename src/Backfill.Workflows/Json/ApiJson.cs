using System.Text.Json;
using System.Text.Json.Serialization;

namespace Backfill.Workflows.Json;

/// <summary>The API's JSON, which the alert webhook and alert details share: camelCase fields, enums by name.</summary>
public static class ApiJson
{
    /// <summary>Options for every response body.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}

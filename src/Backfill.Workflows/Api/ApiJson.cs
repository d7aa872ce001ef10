using System.Text.Json;
using System.Text.Json.Serialization;

namespace Backfill.Workflows.Api;

/// <summary>The API's JSON: camelCase fields, enums by name.</summary>
public static class ApiJson
{
    /// <summary>Options for every response body.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}

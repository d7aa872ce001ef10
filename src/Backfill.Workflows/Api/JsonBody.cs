using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Backfill.Workflows.Api;

/// <summary>Reads a JSON request body, turning malformed JSON into a problem that names the body.</summary>
internal static class JsonBody
{
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    /// <summary>The body as <typeparamref name="T"/>, or a 400 problem saying what is wrong with it.</summary>
    internal static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return value is null ? (null, Problems.Invalid("body", "A JSON object is required.")) : (value, null);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return (null, Problems.Invalid(field, $"Malformed JSON: {ex.Message}"));
        }
    }

    /// <summary>Like <see cref="ReadAsync{T}"/>, but an empty body is a valid "no fields" body (null, no problem).</summary>
    internal static async Task<(T? Value, IResult? Problem)> ReadOptionalAsync<T>(HttpRequest request)
        where T : class
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(text, Options);
            return value is null ? (null, Problems.Invalid("body", "A JSON object is required.")) : (value, null);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return (null, Problems.Invalid(field, $"Malformed JSON: {ex.Message}"));
        }
    }
}

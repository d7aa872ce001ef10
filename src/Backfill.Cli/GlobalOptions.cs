using System.CommandLine;

namespace Backfill.Cli;

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    public const string ApiEnvironmentVariable = "BACKFILL_API";
    public const string DefaultApi = "http://127.0.0.1:7071";

    public static Option<Uri> Api { get; } = new("--api")
    {
        Description = $"Base URL of the Backfill API (env {ApiEnvironmentVariable}; default {DefaultApi}).",
        Recursive = true,
        DefaultValueFactory = result => ParseApi(Environment.GetEnvironmentVariable(ApiEnvironmentVariable) ?? DefaultApi, result),
        CustomParser = result => ParseApi(result.Tokens.Single().Value, result),
    };

    private static Uri ParseApi(string text, System.CommandLine.Parsing.ArgumentResult result)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        result.AddError($"--api (or {ApiEnvironmentVariable}) must be an absolute http(s) URL such as {DefaultApi}; got '{text}'.");
        return new Uri(DefaultApi);
    }

    public static Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the API's JSON instead of tables (for scripts).",
        Recursive = true,
    };
}

using System.Net.Http.Json;
using System.Text.Json;

namespace Backfill.Cli.Api;

/// <summary>Typed calls to the Backfill HTTP API; problems become <see cref="ApiException"/> with the server's words.</summary>
internal sealed class BackfillApiClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<HealthView> GetHealthAsync(CancellationToken cancellationToken) =>
        SendAsync<HealthView>(HttpMethod.Get, "api/health", null, cancellationToken, acceptServiceUnavailable: true);

    public Task<EngineCheckStatusView> StartEngineCheckAsync(int items, int maxParallel, int workMilliseconds, CancellationToken cancellationToken) =>
        SendAsync<EngineCheckStatusView>(HttpMethod.Post, "api/engine-check", new { items, maxParallel, workMilliseconds }, cancellationToken);

    public Task<EngineCheckStatusView> GetEngineCheckAsync(string instanceId, CancellationToken cancellationToken) =>
        SendAsync<EngineCheckStatusView>(HttpMethod.Get, $"api/engine-check/{Uri.EscapeDataString(instanceId)}", null, cancellationToken);

    /// <summary>Any API call whose answer the CLI shows as it comes (backfills, plans, seeds).</summary>
    public Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(method, path, body, cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken, bool acceptServiceUnavailable = false)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ApiUnreachableException(http.BaseAddress!, ex);
        }

        using (response)
        {
            var healthy = response.IsSuccessStatusCode || (acceptServiceUnavailable && response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable);
            if (!healthy)
            {
                throw new ApiException((int)response.StatusCode, await ProblemMessageAsync(response, cancellationToken).ConfigureAwait(false));
            }

            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false)
                ?? throw new ApiException((int)response.StatusCode, $"{method} {path} returned an empty body.");
        }
    }

    private static async Task<string> ProblemMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var problem = JsonDocument.Parse(text);
            var root = problem.RootElement;
            var parts = new List<string>();
            if (root.TryGetProperty("title", out var title))
            {
                parts.Add(title.GetString() ?? string.Empty);
            }

            if (root.TryGetProperty("detail", out var detail))
            {
                parts.Add(detail.GetString() ?? string.Empty);
            }

            if (root.TryGetProperty("errors", out var errors))
            {
                parts.AddRange(errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => $"{e.Name}: {m.GetString()}")));
            }

            return $"{(int)response.StatusCode}: {string.Join(" ", parts.Where(p => p.Length > 0))}";
        }
        catch (JsonException)
        {
            return $"{(int)response.StatusCode}: {text}";
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Backfill.Testing;
using Backfill.Workflows.Hosting;

namespace Backfill.LocalHost.Tests.Hosting;

/// <summary>
/// Storage that hangs under a running host (a proxy in front of the real emulator that accepts connections and never
/// answers, as a stuck network or gateway does): the API, with the local host's own pipeline and its default
/// <c>Storage:ApiCallTimeout</c> (8 s), still answers 503 problem details naming the service, with Retry-After. The
/// client's 90 s timeout is only a hang guard, ten times the bound so a loaded machine never trips it: without the
/// bound, the storage SDK would wait 100 s for one try alone, and retry. The answer times are logged, never asserted.
/// </summary>
public sealed class StorageHangTests(AzuriteFixture azurite)
{
    private static readonly (HttpMethod Method, string Path, object? Body)[] ApiCalls =
    [
        (HttpMethod.Get, "api/backfills/bf-missing", null),
        (HttpMethod.Post, "api/backfills", new { partitions = "2025-01-01..2025-01-03", target = "features_v1" }),
    ];

    [Fact]
    public async Task Api_StorageHangs_Answers503NamingTheTaskHubWithinTheClientsTimeout()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var proxy = StorageProxy.Start(azurite.Endpoints);
        var productDefault = new Dictionary<string, string?> { ["Storage:ApiCallTimeout"] = new StorageCallSettings().ApiCallTimeout.ToString() };
        await using var app = await LocalApi.StartAsync(proxy.Endpoints.ConnectionString, productDefault);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(90) };

        proxy.Mode = StorageProxyMode.Hold;
        var answers = await Task.WhenAll(ApiCalls.Select(call => SendAsync(client, call.Method, call.Path, call.Body, ct)));
        proxy.Mode = StorageProxyMode.Forward;

        foreach (var (call, (status, retryAfter, mediaType, problem, elapsed)) in ApiCalls.Zip(answers))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{call.Method} {call.Path}: {status} after {elapsed.TotalSeconds:F1} s");
            Assert.True(status == HttpStatusCode.ServiceUnavailable, $"{call.Method} {call.Path}: {(int)status} {problem}");
            Assert.Equal("application/problem+json", mediaType);
            Assert.NotNull(retryAfter);
            Assert.Equal("durable task hub", problem.GetProperty("service").GetString());
        }

        await app.StopAsync(ct);
    }

    private static async Task<(HttpStatusCode Status, TimeSpan? RetryAfter, string? MediaType, JsonElement Problem, TimeSpan Elapsed)> SendAsync(
        HttpClient client, HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request, ct);
        var elapsed = clock.Elapsed;
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return (response.StatusCode, response.Headers.RetryAfter?.Delta, response.Content.Headers.ContentType?.MediaType, problem, elapsed);
    }
}

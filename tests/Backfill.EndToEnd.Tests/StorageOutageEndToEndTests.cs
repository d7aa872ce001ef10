using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Backfill.Azurite;
using Backfill.Testing;

namespace Backfill.EndToEnd.Tests;

/// <summary>
/// Storage that goes away under a running host (its own Azurite, stopped gracefully mid-test): health answers 503
/// naming the failing services, the API answers 503 problem details naming the service with Retry-After, a client
/// mistake is still a 400, the CLI says "storage unavailable, retry" with its own exit code, and SIGTERM still
/// stops the host. The HTTP clients' timeouts are the probe's 5 s and the API's 10 s: a slower answer fails the request.
/// </summary>
public sealed class StorageOutageEndToEndTests
{
    private static readonly (HttpMethod Method, string Path, object? Body, string Service)[] ApiCalls =
    [
        (HttpMethod.Get, "api/backfills/bf-missing", null, "durable task hub"),
        (HttpMethod.Post, "api/backfills", new { partitions = "2025-01-01..2025-01-03", target = "features_v1" }, "durable task hub"),
        (HttpMethod.Get, "api/alerts", null, "table"),
    ];

    [Fact]
    public async Task Host_StorageStopped_Answers503NamingTheServiceAndStillStopsOnSigterm()
    {
        var ct = TestContext.Current.CancellationToken;
        // Its own Azurite, in memory: this test stops it (the assembly's shared one must stay up).
        await using var storage = await AzuriteServer.StartAsync(cancellationToken: ct);
        await using var host = await LocalHostProcess.StartAsync(LocalHostProcess.OwnLake(storage.ConnectionString, "outage"));

        await storage.DisposeAsync();

        using var probe = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using (var health = await probe.GetAsync("api/health", ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            var report = await health.Content.ReadFromJsonAsync<JsonElement>(ct);
            var failing = report.GetProperty("storage").EnumerateArray().Where(s => !s.GetProperty("healthy").GetBoolean()).Select(s => s.GetProperty("service").GetString());
            Assert.Equal(["blob", "table", "queue"], failing);
        }

        using var api = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        foreach (var (method, path, body, service) in ApiCalls)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await api.SendAsync(request, ct);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{method} {path}: {(int)response.StatusCode} {problem}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.RetryAfter?.Delta);
            Assert.Equal(service, problem.GetProperty("service").GetString());
        }

        using (var mistake = await api.PostAsJsonAsync("api/backfills", new { partitions = "not-a-day", target = "features_v1" }, ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, mistake.StatusCode);
        }

        var cli = await CliRun.RunAsync("status", "bf-missing", "--api", host.BaseAddress.ToString());
        Assert.True(cli.ExitCode == 4, cli.Output + cli.Errors);
        // The console wraps long lines; the words matter, not where the line breaks.
        var said = string.Join(' ', cli.Errors.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("storage unavailable, retry", said, StringComparison.Ordinal);
        Assert.Contains("durable task hub", said, StringComparison.Ordinal);

        // Its Host:ShutdownDeadline (30 s) holds without storage: it exits by itself, long before the fixture would kill it.
        Assert.True(await host.StopAsync(), "the host did not exit after SIGTERM:" + Environment.NewLine + host.Output);
    }
}

using System.Net;
using Backfill.LocalHost.Hosting;
using Backfill.Testing;

namespace Backfill.LocalHost.Tests.Hosting;

/// <summary>
/// The local host pushes to an OTLP collector when one is named, and then serves no scrape endpoint. (The scrape
/// endpoint's answer after real work is in <see cref="TelemetryTests"/>.)
/// </summary>
public sealed class LocalTelemetryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Metrics_OtlpEndpointSet_IsNotServed()
    {
        // A loopback port nothing listens on: export attempts fail at once and are dropped, as with a collector down.
        await using var app = await LocalApi.StartAsync(
            azurite.ConnectionString, new Dictionary<string, string?> { [LocalTelemetry.OtlpEndpointKey] = "http://127.0.0.1:9" });
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var metrics = await http.GetAsync("metrics", TestContext.Current.CancellationToken);
        using var dashboard = await http.GetAsync("api/dashboard", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }
}

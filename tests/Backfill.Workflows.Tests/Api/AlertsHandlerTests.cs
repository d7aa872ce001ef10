using System.Text.Json;
using Backfill.Storage.Alerts;
using Backfill.Testing;
using Backfill.Workflows.Api;
using Backfill.Workflows.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Backfill.Workflows.Tests.Api;

public sealed class AlertsHandlerTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?to=2025-13-40", "to")]
    [InlineData("?from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z", "from")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=1001", "limit")]
    [InlineData("?limit=ten", "limit")]
    public async Task ListAsync_BadQuery_Is400NamingTheField(string query, string field)
    {
        var (status, body) = await GetAsync(query);

        Assert.Equal(400, status);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task ListAsync_Range_ReturnsTheAlertsNewestFirstInTheApiShape()
    {
        // A year no other test writes to, so the range holds only these alerts.
        var at = new DateTimeOffset(2031, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var store = Alerting.Store(azurite);
        var ct = TestContext.Current.CancellationToken;
        await store.AddAsync(new AlertRecord(at, AlertSeverity.Error, "validation_failed", "raw", "2031-02-28", "bf-x", "older", null), ct);
        await store.AddAsync(new AlertRecord(at.AddMinutes(1), AlertSeverity.Info, "flip", null, null, "bf-y", "newer", null), ct);

        var (status, body) = await GetAsync("?from=2031-03-01T00:00:00Z&to=2031-03-01T23:59:59Z&limit=10");

        Assert.Equal(200, status);
        var alerts = body.GetProperty("alerts").EnumerateArray().ToList();
        Assert.Equal(["newer", "older"], alerts.Select(a => a.GetProperty("message").GetString()));
        Assert.Equal(["info", "error"], alerts.Select(a => a.GetProperty("severity").GetString()));
        Assert.Equal("2031-02-28", alerts[1].GetProperty("partition").GetString());
        Assert.Equal("bf-x", alerts[1].GetProperty("runId").GetString());
    }

    private async Task<(int Status, JsonElement Body)> GetAsync(string query)
    {
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.QueryString = new QueryString(query);
        using var output = new MemoryStream();
        context.Response.Body = output;

        var result = await new AlertsHandler(Alerting.Store(azurite)).ListAsync(context.Request);
        await result.ExecuteAsync(context);

        output.Position = 0;
        using var document = await JsonDocument.ParseAsync(output, cancellationToken: TestContext.Current.CancellationToken);
        return (context.Response.StatusCode, document.RootElement.Clone());
    }
}

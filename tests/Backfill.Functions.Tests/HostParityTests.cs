using Backfill.LocalHost.Hosting;
using Backfill.Workflows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Backfill.Functions.Tests;

/// <summary>Both hosts must offer the same workflows and routes; these tests fail the moment one drifts.</summary>
public sealed class HostParityTests(PublishedAppFixture app) : IClassFixture<PublishedAppFixture>
{
    [Theory]
    [InlineData("orchestrationTrigger")]
    [InlineData("activityTrigger")]
    [InlineData("entityTrigger")]
    public void Catalog_DurableTypes_EachHaveAFunctionTriggerAndNoMore(string triggerType)
    {
        var catalog = triggerType switch
        {
            "orchestrationTrigger" => WorkflowCatalog.Orchestrators,
            "activityTrigger" => WorkflowCatalog.Activities,
            _ => WorkflowCatalog.Entities,
        };

        var functions = app.Triggers.Where(t => t.Type == triggerType).Select(t => t.Name).Order();

        Assert.Equal(catalog.Select(t => t.Name).Order(), functions);
    }

    [Fact]
    public void LocalHost_EveryRoute_ExistsInFunctionsWithSameMethod()
    {
        var local = LocalRoutes();
        var functions = app.Triggers.Where(t => t.Type == "httpTrigger")
            .SelectMany(t => t.Methods.Select(m => $"{m} api/{t.Route}"))
            .Order();

        Assert.NotEmpty(local);
        Assert.Equal(local, functions);
    }

    // The shared API only: the local host's GET /metrics (LocalTelemetry) is its Prometheus scrape endpoint and has no
    // Functions twin on purpose, since the Functions app pushes its telemetry to Azure Monitor.
    internal static List<string> LocalRoutes()
    {
        var builder = WebApplication.CreateSlimBuilder();
        using var web = builder.Build();
        web.MapBackfillApi();
        return ((IEndpointRouteBuilder)web).DataSources
            .SelectMany(d => d.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText!.TrimStart('/')}"))
            .Order()
            .ToList();
    }
}

using Backfill.Testing;
using Backfill.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Backfill.LocalHost.Tests.Engine;

/// <summary>
/// Every durable type the catalog lists can be built from the production registrations. The engine builds an
/// activity only when its first message arrives, so a missing service otherwise shows up as a run that retries
/// forever, not as a start-up error.
/// </summary>
public sealed class WorkflowCatalogTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Catalog_EveryType_ResolvesFromTheHostsServices()
    {
        await using var host = await EngineHost.StartAsync(azurite.ConnectionString, TaskHubNames.New());

        var types = WorkflowCatalog.Orchestrators.Concat(WorkflowCatalog.Activities).Concat(WorkflowCatalog.Entities).ToList();

        Assert.All(types, type => Assert.NotNull(ActivatorUtilities.CreateInstance(host.Services, type)));
    }
}

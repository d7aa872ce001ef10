using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Backfill.Storage.Layout;
using Backfill.Testing;
using Backfill.Workflows.Api;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Tests.Api;

/// <summary><c>POST /api/seed-data</c> lands events only where <c>Backfill:AllowSampleData</c> allows it.</summary>
public sealed class SeedDataHandlerTests(AzuriteFixture azurite)
{
    private const string Body = """{ "from": "2025-01-01", "to": "2025-01-02", "eventsPerDay": 20, "entities": 5 }""";

    [Fact]
    public async Task SeedAsync_SampleDataOff_Is403WithTheReasonAndLandsNothing()
    {
        var container = "lake-" + Guid.NewGuid().ToString("N")[..16];

        var (status, body) = await PostAsync(Lake(container), allowSampleData: false);

        Assert.Equal(403, status);
        Assert.Contains("Backfill:AllowSampleData", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var exists = await new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(container).ExistsAsync(TestContext.Current.CancellationToken);
        Assert.False(exists.Value, "nothing was landed: the lake was not even created");
    }

    [Fact]
    public async Task SeedAsync_SampleDataOn_LandsTheDays()
    {
        var (status, body) = await PostAsync(Lake("lake-" + Guid.NewGuid().ToString("N")[..16]), allowSampleData: true);

        Assert.Equal(200, status);
        Assert.Equal(2, body.GetProperty("days").GetInt32());
        Assert.True(body.GetProperty("filesWritten").GetInt32() > 0, body.ToString());
    }

    private LakeStorage Lake(string container) => new(
        new BlobServiceClient(azurite.ConnectionString), new TableServiceClient(azurite.ConnectionString),
        new LakeSettings { ContainerName = container, LineageTableName = "lineage" + container[5..] }, TimeProvider.System);

    private static async Task<(int Status, JsonElement Body)> PostAsync(LakeStorage lake, bool allowSampleData)
    {
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(Body));
        using var output = new MemoryStream();
        context.Response.Body = output;
        var handler = new SeedDataHandler(new LakeReady(lake), Options.Create(new BackfillSettings { AllowSampleData = allowSampleData }));

        var result = await handler.SeedAsync(context.Request);
        await result.ExecuteAsync(context);

        output.Position = 0;
        using var document = await JsonDocument.ParseAsync(output, cancellationToken: TestContext.Current.CancellationToken);
        return (context.Response.StatusCode, document.RootElement.Clone());
    }
}

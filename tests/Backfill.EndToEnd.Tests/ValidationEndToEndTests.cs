using Backfill.Core.Partitions;
using Backfill.Testing;
using Backfill.Workflows.Api;

namespace Backfill.EndToEnd.Tests;

/// <summary>
/// The validation gate through the real local host: a partition that fails validation fails its backfill item
/// with the typed results in <c>GET /api/backfills/{id}</c>, and its alert is in <c>GET /api/alerts</c>.
/// Lands June 2024 in the shared lake, which no other test using that lake lands.
/// </summary>
public sealed class ValidationEndToEndTests(AzuriteFixture azurite)
{
    private static readonly string[] RawOnly = ["raw"];

    [Fact]
    public async Task Backfill_PartitionFailingValidation_ItemShowsResultsAndAlertIsListed()
    {
        var raisedAfter = DateTimeOffset.UtcNow.AddSeconds(-1);
        await BackfillApi.SeedLandingAsync(azurite.ConnectionString, Day.Parse("2024-06-01"), 1);
        await using var host = await LocalHostProcess.StartAsync(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["TaskHubName"] = "v" + Guid.NewGuid().ToString("N")[..12],
            ["Validation:Datasets:raw:MinRows"] = "1000000",
        });

        var id = await BackfillApi.StartAsync(host, new { partitions = "2024-06-01", target = "features_v1", layers = RawOnly, retries = 0 });
        var done = await BackfillApi.WaitAsync(host, id);

        var item = Assert.Single(done.Items!);
        Assert.Equal("failed", item.Status);
        Assert.StartsWith("validation failed: row_count_bounds", item.Error, StringComparison.Ordinal);
        var bounds = Assert.Single(item.Validation!, r => r.Name == "row_count_bounds");
        Assert.Equal(("fail", 1_000_000.0), (bounds.Status, bounds.Threshold));
        Assert.Contains(item.Validation!, r => r is { Name: "schema", Status: "pass" });

        var alerts = await host.ReadJsonAsync<AlertsView>($"api/alerts?from={Uri.EscapeDataString(raisedAfter.ToString("O"))}&limit=1000");
        var alert = Assert.Single(alerts.Alerts, a => a.RunId == id);
        Assert.Equal(("error", "validation_failed", "raw", "2024-06-01"), (alert.Severity, alert.Kind, alert.Dataset, alert.Partition));
    }
}

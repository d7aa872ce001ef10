using System.Text.Json;
using Azure.Data.Tables;
using Backfill.Storage.Alerts;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Alerts;

public sealed class AlertStoreTests(AzuriteFixture azurite)
{
    private static readonly string[] Failures = ["null_rate"];
    private static readonly DateTimeOffset Noon = new(2025, 1, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ListAsync_Range_ReturnsNewestFirstWithinBoundsAndLimit()
    {
        var store = await FreshStoreAsync();
        var ct = TestContext.Current.CancellationToken;
        foreach (var hours in new[] { -2, -1, 0, 1, 2 })
        {
            await store.AddAsync(Alert(Noon.AddHours(hours), $"at {hours}"), ct);
        }

        var all = await store.ListAsync(null, null, 100, ct);
        var window = await store.ListAsync(Noon.AddHours(-1), Noon.AddHours(1), 100, ct);
        var limited = await store.ListAsync(null, null, 2, ct);

        Assert.Equal(["at 2", "at 1", "at 0", "at -1", "at -2"], all.Select(a => a.Message));
        Assert.Equal(["at 1", "at 0", "at -1"], window.Select(a => a.Message));
        Assert.Equal(["at 2", "at 1"], limited.Select(a => a.Message));
    }

    [Fact]
    public async Task AddAsync_Alert_RoundTripsEveryField()
    {
        var store = await FreshStoreAsync();
        var ct = TestContext.Current.CancellationToken;
        var alert = Alert(Noon, "raw/2025-01-10 not published");

        await store.AddAsync(alert, ct);

        var stored = Assert.Single(await store.ListAsync(null, null, 10, ct));
        Assert.Equal((alert.RaisedAt, alert.Severity, alert.Kind, alert.Dataset, alert.Partition, alert.RunId, alert.Message),
            (stored.RaisedAt, stored.Severity, stored.Kind, stored.Dataset, stored.Partition, stored.RunId, stored.Message));
        Assert.Equal("null_rate", stored.Details!.Value.GetProperty("failures")[0].GetString());
    }

    [Fact]
    public async Task ListAsync_NoAlertEver_IsEmpty()
    {
        var store = new AlertStore(new TableServiceClient(azurite.ConnectionString));
        await new TableServiceClient(azurite.ConnectionString).DeleteTableAsync(AlertStore.TableName, TestContext.Current.CancellationToken);

        Assert.Empty(await store.ListAsync(null, null, 10, TestContext.Current.CancellationToken));
    }

    private async Task<AlertStore> FreshStoreAsync()
    {
        // The table name is fixed, so each test starts from an empty table.
        var tables = new TableServiceClient(azurite.ConnectionString);
        await tables.DeleteTableAsync(AlertStore.TableName, TestContext.Current.CancellationToken);
        return new AlertStore(tables);
    }

    private static AlertRecord Alert(DateTimeOffset at, string message) =>
        new(at, AlertSeverity.Error, "validation_failed", "raw", "2025-01-10", "bf-1", message,
            JsonSerializer.SerializeToElement(new { failures = Failures }));
}

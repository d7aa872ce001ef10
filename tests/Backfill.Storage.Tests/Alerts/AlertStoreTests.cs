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

    [Fact]
    public async Task AddOnceAsync_SameKeyRaisedThreeTimes_ListsOnlyTheFirst()
    {
        var store = await FreshStoreAsync();
        var ct = TestContext.Current.CancellationToken;

        var first = await store.AddOnceAsync(Alert(Noon, "first") with { DedupKey = "watermark_stalled:features_v1:2025-01-08" }, ct);
        var second = await store.AddOnceAsync(Alert(Noon.AddHours(1), "second") with { DedupKey = "watermark_stalled:features_v1:2025-01-08" }, ct);
        var other = await store.AddOnceAsync(Alert(Noon.AddHours(2), "other") with { DedupKey = "watermark_stalled:features_v1:2025-01-09" }, ct);
        var third = await store.AddOnceAsync(Alert(Noon.AddHours(3), "third") with { DedupKey = "watermark_stalled:features_v1:2025-01-08" }, ct);

        Assert.Equal([true, false, true, false], new[] { first.Listed, second.Listed, other.Listed, third.Listed });
        Assert.Equal(["first", "first", "other", "first"], new[] { first, second, other, third }.Select(r => r.Alert.Message));
        var listed = await store.ListAsync(null, null, 10, ct);
        Assert.Equal(["other", "first"], listed.Select(a => a.Message));
        Assert.Equal("watermark_stalled:features_v1:2025-01-08", listed[1].DedupKey);
    }

    [Fact]
    public async Task AddOnceAsync_CrashAfterReservingTheKey_NextRaiseListsTheFirstAlertOnce()
    {
        var store = await FreshStoreAsync();
        var ct = TestContext.Current.CancellationToken;
        const string Key = "daily_run_failed:features_v1:2025-01-08";

        // The first raiser stops after its first write, as a crash would.
        await store.ReserveAsync(Alert(Noon, "first") with { DedupKey = Key }, ct);
        Assert.Empty(await store.ListAsync(null, null, 10, ct));

        var repaired = await store.AddOnceAsync(Alert(Noon.AddHours(1), "second") with { DedupKey = Key }, ct);
        var after = await store.AddOnceAsync(Alert(Noon.AddHours(2), "third") with { DedupKey = Key }, ct);

        Assert.True(repaired.Listed);
        Assert.False(after.Listed);
        var listed = Assert.Single(await store.ListAsync(null, null, 10, ct));
        Assert.Equal(("first", Noon), (listed.Message, listed.RaisedAt));
    }

    [Fact]
    public async Task AddOnceAsync_CrashBeforeMarkingListed_NextRaiseStoresNoSecondRow()
    {
        var tables = new TableServiceClient(azurite.ConnectionString);
        var store = await FreshStoreAsync();
        var ct = TestContext.Current.CancellationToken;
        const string Key = "item_failed:bf-1:raw:2025-01-10";
        await store.AddOnceAsync(Alert(Noon, "first") with { DedupKey = Key }, ct);

        // Undo the last write, as if the process died before it: the marker says reserved, the row exists.
        var table = tables.GetTableClient(AlertStore.TableName);
        await foreach (var marker in table.QueryAsync<TableEntity>("PartitionKey eq 'dedup'", cancellationToken: ct))
        {
            marker["Listed"] = false;
            await table.UpdateEntityAsync(marker, Azure.ETag.All, TableUpdateMode.Replace, ct);
        }

        var repaired = await store.AddOnceAsync(Alert(Noon.AddHours(1), "second") with { DedupKey = Key }, ct);

        Assert.True(repaired.Listed);
        var listed = Assert.Single(await store.ListAsync(null, null, 10, ct));
        Assert.Equal("first", listed.Message);
        Assert.False((await store.AddOnceAsync(Alert(Noon.AddHours(2), "third") with { DedupKey = Key }, ct)).Listed);
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

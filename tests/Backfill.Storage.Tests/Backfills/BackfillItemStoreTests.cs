using Azure.Data.Tables;
using Backfill.Core.Validation;
using Backfill.Storage.Backfills;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Backfills;

public sealed class BackfillItemStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadAsync_NothingRecorded_IsEmpty()
    {
        var store = new BackfillItemStore(new TableServiceClient(azurite.ConnectionString));

        Assert.Empty(await store.ReadAsync("bf-none", TestContext.Current.CancellationToken));
        Assert.Null(await store.ReadOneAsync("bf-none", "raw/2025-01-03", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RecordAsync_LaterAttempt_ReplacesEarlierAndKeepsBackfillsApart()
    {
        var store = new BackfillItemStore(new TableServiceClient(azurite.ConnectionString));
        var cancel = TestContext.Current.CancellationToken;
        await store.RecordAsync("bf-a", new("staging/2025-01-03", "transient", 1, 0, 40, "IOException: boom", T0, T0.AddSeconds(1)), cancel);
        await store.RecordAsync("bf-a", new("staging/2025-01-03", "succeeded", 2, 412, 55, null, T0.AddSeconds(6), T0.AddSeconds(7)), cancel);
        await store.RecordAsync("bf-b", new("raw/2025-01-03", "failed", 1, 0, 10, "validation failed", T0, T0), cancel);

        var a = await store.ReadAsync("bf-a", cancel);

        var item = Assert.Single(a).Value;
        Assert.Equal(new BackfillItemRecord("staging/2025-01-03", "succeeded", 2, 412, 55, null, T0.AddSeconds(6), T0.AddSeconds(7)), item with { AttemptLog = null });
        Assert.Equal(
            [new ItemAttempt(1, T0, T0.AddSeconds(1), "transient", "IOException: boom"), new ItemAttempt(2, T0.AddSeconds(6), T0.AddSeconds(7), "succeeded", null)],
            item.AttemptLog);
        Assert.Equal(["raw/2025-01-03"], (await store.ReadAsync("bf-b", cancel)).Keys);

        // A point read of one item sees the same row, and only its own backfill's.
        var one = await store.ReadOneAsync("bf-a", "staging/2025-01-03", cancel);
        Assert.NotNull(one);
        Assert.Equal(item with { AttemptLog = null }, one with { AttemptLog = null });
        Assert.Equal(item.AttemptLog!, one.AttemptLog!);
        Assert.Null(await store.ReadOneAsync("bf-a", "raw/2025-01-03", cancel));
    }

    [Fact]
    public async Task RecordAsync_FailedValidation_KeepsTheTypedResults()
    {
        var store = new BackfillItemStore(new TableServiceClient(azurite.ConnectionString));
        var cancel = TestContext.Current.CancellationToken;
        var id = "bf-" + Guid.NewGuid().ToString("N");
        ValidationResult[] results =
        [
            new(ValidationCheckNames.NullRate, "session_id", ValidationStatus.Fail, 0.3, 0.05, "Null rate 30% in 'session_id'."),
            new(ValidationCheckNames.Schema, null, ValidationStatus.Pass, 0, 0, "Schema matches."),
        ];
        await store.RecordAsync(id, new("raw/2025-01-03", "failed", 1, 0, 10, "validation failed", T0, T0, results), cancel);

        var item = Assert.Single(await store.ReadAsync(id, cancel)).Value;

        Assert.Equal(results, item.Validation);
    }
}

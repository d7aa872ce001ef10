using Backfill.Core.Events;
using Backfill.Core.Features;
using Backfill.Core.Validation;
using Backfill.Storage.Parquet;

namespace Backfill.Storage.Tests.Parquet;

public sealed class ParquetCodecTests
{
    private static readonly DateTime Time = new(2025, 1, 3, 10, 15, 30, 123, DateTimeKind.Utc);

    private static readonly ArrivedEvent[] Events =
    [
        new(new Event("ev-1", "e1", Time, EventType.Purchase, 19.99m, "s-1"), Time.AddHours(1)),
        new(new Event("ev-2", "e1", Time.AddMinutes(1), EventType.View, null, null), Time.AddHours(30)),
        new(new Event("ev-3", "e2", Time, EventType.Refund, -5.5m, "s-2"), Time),
    ];

    [Fact]
    public async Task EventWriteAsync_SameRowsTwice_GivesIdenticalBytes()
    {
        var ct = TestContext.Current.CancellationToken;

        var first = await EventParquet.WriteAsync(Events, ct);
        var second = await EventParquet.WriteAsync([.. Events], ct);

        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public async Task EventReadAsync_WrittenRows_RoundTripWithUtcTimesAndNulls()
    {
        var ct = TestContext.Current.CancellationToken;

        var rows = await EventParquet.ReadAsync(new MemoryStream((await EventParquet.WriteAsync(Events, ct)).ToArray()), ct);

        Assert.Equal(Events, rows);
        Assert.All(rows, row => Assert.Equal(DateTimeKind.Utc, row.Event.EventTime.Kind));
    }

    [Fact]
    public async Task CopyKeyReadAsync_AnEventFileOrItsOwn_GivesTheRowsKeysWithUtcTimes()
    {
        var ct = TestContext.Current.CancellationToken;
        var keys = Events.Select(row => row.Key).ToList();

        var fromEvents = await CopyKeyParquet.ReadAsync(new MemoryStream((await EventParquet.WriteAsync(Events, ct)).ToArray()), ct);
        var own = await CopyKeyParquet.WriteAsync(keys, ct);
        var fromOwn = await CopyKeyParquet.ReadAsync(new MemoryStream(own.ToArray()), ct);

        Assert.Equal(keys, fromEvents);
        Assert.Equal(keys, fromOwn);
        Assert.All(fromOwn, key => Assert.Equal((DateTimeKind.Utc, DateTimeKind.Utc), (key.EventTime.Kind, key.ArrivalTime.Kind)));
        Assert.True(own.Length < (await EventParquet.WriteAsync(Events, ct)).Length, "a key file carries fewer columns than the events");
    }

    [Fact]
    public async Task RollupReadAsync_WrittenRows_RoundTrip()
    {
        var ct = TestContext.Current.CancellationToken;
        DailyRollup[] rollups =
        [
            new("e1", new DateOnly(2025, 1, 3), new PerEventType<long>(1, 2, 3, 4, 5), new PerEventType<decimal>(0, 0, 7.25m, 80.5m, -3m)),
            new("e2", new DateOnly(2025, 1, 3), new PerEventType<long>(9, 0, 0, 0, 0), default),
        ];

        var day = await RollupParquet.ReadAsync(new MemoryStream((await RollupParquet.WriteAsync(rollups, ct)).ToArray()), new DateOnly(2025, 1, 3), ct);

        Assert.Equal(rollups, day);
    }

    [Fact]
    public async Task RollupReadAsync_RowOfAnotherDay_FailsNamingTheDays()
    {
        var ct = TestContext.Current.CancellationToken;
        DailyRollup[] rollups = [new("e1", new DateOnly(2025, 1, 4), new PerEventType<long>(1, 0, 0, 0, 0), default)];
        var file = (await RollupParquet.WriteAsync(rollups, ct)).ToArray();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => RollupParquet.ReadAsync(new MemoryStream(file), new DateOnly(2025, 1, 3), ct));

        Assert.Equal("The rollup of 2025-01-03 has a row of 2025-01-04 (entity e1).", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task FeatureReadAsync_WrittenRows_RoundTrip(int count)
    {
        var ct = TestContext.Current.CancellationToken;
        var parquet = new FeatureParquet(FeatureVersions.V2);
        var rows = Enumerable.Range(0, count)
            .Select(i => new FeatureRow($"e{i}", new DateOnly(2025, 1, 3), [.. Enumerable.Range(0, 10).Select(v => v * 1.5 + i)]))
            .ToList();

        var read = await parquet.ReadAsync(new MemoryStream((await parquet.WriteAsync(rows, ct)).ToArray()), ct);

        Assert.Equal(rows, read);
    }

    [Fact]
    public void Columns_Events_NameStorageTypesAndNullability()
    {
        Assert.Equal(
            [
                new ColumnSchema("event_id", "string", false),
                new ColumnSchema("entity_id", "string", false),
                new ColumnSchema("event_time", "timestamp_us_utc", false),
                new ColumnSchema("event_type", "uint8", false),
                new ColumnSchema("amount", "decimal(18,4)", true),
                new ColumnSchema("session_id", "string", true),
                new ColumnSchema("arrival_time", "timestamp_us_utc", false),
            ],
            EventParquet.Columns);
    }

    [Fact]
    public void Columns_Features_AreEntityDateThenOneDoublePerFeature()
    {
        var columns = new FeatureParquet(FeatureVersions.V2).Columns;

        Assert.Equal(["entity_id", "date", .. FeatureVersions.V2.Features.Select(feature => feature.Name)], columns.Select(column => column.Name));
        Assert.Equal(["string", "date", .. Enumerable.Repeat("double", 10)], columns.Select(column => column.Type));
    }
}

using Backfill.Core.Events;
using Backfill.Core.Validation;
using Parquet.Schema;

namespace Backfill.Storage.Parquet;

/// <summary>
/// The file of the <c>raw</c> and <c>staging</c> datasets: one row per landed (raw) or unique (staging) event,
/// event types as one-byte codes.
/// </summary>
internal static class EventParquet
{
    public const string FileName = "events.parquet";

    // The copy key's columns, which CopyKeyParquet reads alone from these files and writes alone to its own.
    public static readonly DataField<string> EventId = ParquetFiles.Text("event_id");
    public static readonly DataField<string> EntityId = ParquetFiles.Text("entity_id");
    public static readonly DateTimeDataField EventTime = ParquetFiles.Timestamp("event_time");
    private static readonly DataField<byte> EventTypeCode = new("event_type", false);
    private static readonly DecimalDataField Amount = new("amount", 18, EventLine.AmountScale, isNullable: true);
    private static readonly DataField<string> SessionId = ParquetFiles.Text("session_id", nullable: true);
    public static readonly DateTimeDataField ArrivalTime = ParquetFiles.Timestamp("arrival_time");
    private static readonly ParquetSchema Schema = new(EventId, EntityId, EventTime, EventTypeCode, Amount, SessionId, ArrivalTime);

    public static IReadOnlyList<ColumnSchema> Columns { get; } = ParquetFiles.Columns(Schema);

    public static async Task<ReadOnlyMemory<byte>> WriteAsync(IReadOnlyList<ArrivedEvent> rows, CancellationToken cancellationToken) =>
        await ParquetFiles.WriteAsync(Schema, rows.Count, async (group, start, count) =>
        {
            var slice = rows.Skip(start).Take(count).ToArray();
            await group.WriteAsync(EventId, slice.Select(row => row.Event.EventId).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(EntityId, slice.Select(row => row.Event.EntityId).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<DateTime>(EventTime, slice.Select(row => row.Event.EventTime).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<byte>(EventTypeCode, slice.Select(row => (byte)row.Event.EventType).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<decimal>(Amount, slice.Select(row => row.Event.Amount).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            // session_id is a nullable column; Parquet.Net's string overload is just not annotated for nulls.
            await group.WriteAsync(SessionId, slice.Select(row => row.Event.SessionId!).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<DateTime>(ArrivalTime, slice.Select(row => row.ArrivalTime).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

    public static async Task<List<ArrivedEvent>> ReadAsync(Stream input, CancellationToken cancellationToken)
    {
        var rows = new List<ArrivedEvent>();
        await ParquetFiles.ReadAsync(input, async (group, count) =>
        {
            var (ids, entities, sessions) = (new string[count], new string[count], new string[count]);
            var (times, arrivals) = (new DateTime[count], new DateTime[count]);
            var types = new byte[count];
            var amounts = new decimal?[count];
            await group.ReadAsync(EventId, ids, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.ReadAsync(EntityId, entities, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.ReadAsync<DateTime>(EventTime, times, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.ReadAsync<byte>(EventTypeCode, types, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.ReadAsync<decimal>(Amount, amounts, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.ReadAsync(SessionId, sessions, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.ReadAsync<DateTime>(ArrivalTime, arrivals, cancellationToken: cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                var value = new Event(ids[i], entities[i], Utc(times[i]), (EventType)types[i], amounts[i], sessions[i]);
                rows.Add(new ArrivedEvent(value, Utc(arrivals[i])));
            }
        }, cancellationToken).ConfigureAwait(false);
        return rows;
    }

    public static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

using Backfill.Core.Events;
using Backfill.Core.Features;
using Backfill.Core.Validation;
using Parquet.Schema;

namespace Backfill.Storage.Parquet;

/// <summary>
/// The per-entity daily rollup staging publishes with its events: one small row per entity, one count and one
/// amount column per event type.
/// </summary>
internal static class RollupParquet
{
    public const string FileName = "rollup.parquet";

    private static readonly DataField<string> EntityId = ParquetFiles.Text("entity_id");
    private static readonly DataField<DateOnly> Date = new("date", false);
    private static readonly DataField<long>[] Counts =
        [.. EventTypeNames.All.Select(type => new DataField<long>("count_" + EventTypeNames.ToName(type), false))];

    private static readonly DecimalDataField[] Amounts =
        [.. EventTypeNames.All.Select(type => new DecimalDataField("amount_" + EventTypeNames.ToName(type), 18, EventLine.AmountScale, isNullable: false))];

    private static readonly ParquetSchema Schema = new([EntityId, Date, .. Counts, .. Amounts]);

    public static IReadOnlyList<ColumnSchema> Columns { get; } = ParquetFiles.Columns(Schema);

    public static async Task<ReadOnlyMemory<byte>> WriteAsync(IReadOnlyList<DailyRollup> rows, CancellationToken cancellationToken) =>
        await ParquetFiles.WriteAsync(Schema, rows.Count, async (group, start, count) =>
        {
            var slice = rows.Skip(start).Take(count).ToArray();
            await group.WriteAsync(EntityId, slice.Select(row => row.EntityId).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<DateOnly>(Date, slice.Select(row => row.Date).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var type in EventTypeNames.All)
            {
                await group.WriteAsync<long>(Counts[(int)type], slice.Select(row => row.Counts[type]).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            foreach (var type in EventTypeNames.All)
            {
                await group.WriteAsync<decimal>(Amounts[(int)type], slice.Select(row => row.Amounts[type]).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);

    public static async Task<List<DailyRollup>> ReadAsync(Stream input, CancellationToken cancellationToken)
    {
        var rows = new List<DailyRollup>();
        await ParquetFiles.ReadAsync(input, async (group, count) =>
        {
            var entities = new string[count];
            var dates = new DateOnly[count];
            await group.ReadAsync(EntityId, entities, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.ReadAsync<DateOnly>(Date, dates, cancellationToken: cancellationToken).ConfigureAwait(false);
            var counts = new long[EventTypeNames.All.Count][];
            var amounts = new decimal[EventTypeNames.All.Count][];
            foreach (var type in EventTypeNames.All)
            {
                counts[(int)type] = new long[count];
                amounts[(int)type] = new decimal[count];
                await group.ReadAsync<long>(Counts[(int)type], counts[(int)type], cancellationToken: cancellationToken).ConfigureAwait(false);
                await group.ReadAsync<decimal>(Amounts[(int)type], amounts[(int)type], cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            for (var i = 0; i < count; i++)
            {
                rows.Add(new DailyRollup(entities[i], dates[i], Row(counts, i), Row(amounts, i)));
            }
        }, cancellationToken).ConfigureAwait(false);
        return rows;
    }

    private static PerEventType<T> Row<T>(T[][] columns, int row) =>
        new(columns[0][row], columns[1][row], columns[2][row], columns[3][row], columns[4][row]);
}

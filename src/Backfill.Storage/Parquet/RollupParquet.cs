using System.Buffers;
using Backfill.Core.Events;
using Backfill.Core.Features;
using Backfill.Core.Validation;
using Parquet;
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

    /// <summary>Reads the rollup of one staging day, checking that every row belongs to it.</summary>
    /// <exception cref="InvalidDataException">A row is of another day, or the rows are not one per entity in entity order.</exception>
    public static async Task<RollupDay> ReadAsync(Stream input, DateOnly date, CancellationToken cancellationToken)
    {
        var groups = new List<(string[] Entities, PerEventType<long>[] Counts, PerEventType<decimal>[] Amounts)>();
        await ParquetFiles.ReadAsync(input, async (group, count) =>
        {
            var entities = new string[count];
            var dates = new DateOnly[count];
            await group.ReadAsync(EntityId, entities, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.ReadAsync<DateOnly>(Date, dates, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (Array.FindIndex(dates, d => d != date) is var other and >= 0)
            {
                throw new InvalidDataException($"The rollup of {date:yyyy-MM-dd} has a row of {dates[other]:yyyy-MM-dd} (entity {entities[other]}).");
            }

            groups.Add((
                entities,
                await ReadPerTypeAsync<long>(group, Counts, count, cancellationToken).ConfigureAwait(false),
                await ReadPerTypeAsync<decimal>(group, Amounts, count, cancellationToken).ConfigureAwait(false)));
        }, cancellationToken).ConfigureAwait(false);
        try
        {
            // Files of up to a row group's rows (the usual case) keep their arrays as they are.
            return groups.Count == 1
                ? new RollupDay(date, groups[0].Entities, groups[0].Counts, groups[0].Amounts)
                : new RollupDay(date, [.. groups.SelectMany(g => g.Entities)], [.. groups.SelectMany(g => g.Counts)], [.. groups.SelectMany(g => g.Amounts)]);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    /// <summary>Reads one column per event type into one value per row; the columns are pooled, only the rows stay.</summary>
    private static async Task<PerEventType<T>[]> ReadPerTypeAsync<T>(
        ParquetRowGroupReader group, IReadOnlyList<DataField> fields, int count, CancellationToken cancellationToken)
        where T : struct
    {
        var columns = fields.Select(_ => ArrayPool<T>.Shared.Rent(count)).ToArray();
        try
        {
            for (var type = 0; type < fields.Count; type++)
            {
                await group.ReadAsync<T>(fields[type], columns[type].AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            var rows = new PerEventType<T>[count];
            for (var i = 0; i < count; i++)
            {
                rows[i] = new(columns[0][i], columns[1][i], columns[2][i], columns[3][i], columns[4][i]);
            }

            return rows;
        }
        finally
        {
            foreach (var column in columns)
            {
                ArrayPool<T>.Shared.Return(column);
            }
        }
    }
}

using System.Globalization;
using Backfill.Core.Validation;
using Parquet;
using Parquet.Schema;

namespace Backfill.Storage.Parquet;

/// <summary>
/// Fixed writer settings, so the same rows always give the same bytes: one codec, one row group size, no
/// timestamps or writer-dependent metadata beyond the library's own.
/// </summary>
internal static class ParquetFiles
{
    private const int RowGroupRows = 1 << 20;

    private static readonly ParquetOptions Options = new() { CompressionMethod = CompressionMethod.Snappy };

    public static async Task<ReadOnlyMemory<byte>> WriteAsync(
        ParquetSchema schema, int rowCount, Func<ParquetRowGroupWriter, int, int, Task> writeRowGroup, CancellationToken cancellationToken)
    {
        using var output = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(schema, output, Options, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // An empty partition still gets one (empty) row group, so readers need no special case.
            for (var start = 0; start == 0 || start < rowCount; start += RowGroupRows)
            {
                using var group = writer.CreateRowGroup();
                await writeRowGroup(group, start, Math.Min(RowGroupRows, rowCount - start)).ConfigureAwait(false);
            }
        }

        return output.GetBuffer().AsMemory(0, (int)output.Length);
    }

    public static async Task ReadAsync(
        Stream input, Func<ParquetRowGroupReader, int, Task> readRowGroup, CancellationToken cancellationToken)
    {
        await using var reader = await ParquetReader.CreateAsync(input, Options, cancellationToken: cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < reader.RowGroupCount; i++)
        {
            using var group = reader.OpenRowGroupReader(i);
            await readRowGroup(group, checked((int)group.RowCount)).ConfigureAwait(false);
        }
    }

    /// <summary>The columns a file was written with, read from its footer.</summary>
    public static async Task<IReadOnlyList<ColumnSchema>> ReadSchemaAsync(Stream input, CancellationToken cancellationToken)
    {
        // Without this a date column reads back as DateTime, so the schema would differ from the one written.
        var options = new ParquetOptions { CompressionMethod = Options.CompressionMethod, UseDateOnlyTypeForDates = true };
        await using var reader = await ParquetReader.CreateAsync(input, options, cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. reader.Schema.DataFields.Select(field => new ColumnSchema(field.Name, ReadTypeName(field), field.IsNullable))];
    }

    // A file written by something else may hold a type the data plane never writes; name it, so the schema check
    // reports it instead of the read throwing.
    private static string ReadTypeName(DataField field)
    {
        try
        {
            return TypeName(field);
        }
        catch (NotSupportedException)
        {
            return field.ClrType.Name.ToLowerInvariant();
        }
    }

    /// <summary>The columns of a schema with the storage type names validation compares, for the commit record.</summary>
    public static IReadOnlyList<ColumnSchema> Columns(ParquetSchema schema) =>
        [.. schema.DataFields.Select(field => new ColumnSchema(field.Name, TypeName(field), field.IsNullable))];

    private static string TypeName(DataField field) => field switch
    {
        DecimalDataField decimalField => string.Create(CultureInfo.InvariantCulture, $"decimal({decimalField.Precision},{decimalField.Scale})"),
        DateTimeDataField { DateTimeFormat: DateTimeFormat.Date } => "date",
        DateTimeDataField => "timestamp_us_utc",
        _ when field.ClrType == typeof(DateOnly) => "date",
        _ when field.ClrType == typeof(byte) => "uint8",
        _ when field.ClrType == typeof(long) => "int64",
        _ when field.ClrType == typeof(double) => "double",
        DataField<string> => "string",

        // Reading a file back reports text columns as the reader's span type, not string.
        _ when field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>) => "string",
        _ => throw new NotSupportedException($"Column {field.Name} has a type the data plane does not store: {field.ClrType}."),
    };

    public static DataField<string> Text(string name, bool nullable = false) => new(name, nullable);

    public static DateTimeDataField Timestamp(string name) =>
        new(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros);
}

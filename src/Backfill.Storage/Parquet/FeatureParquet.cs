using System.Collections.Immutable;
using Backfill.Core.Features;
using Backfill.Core.Validation;
using Parquet.Schema;

namespace Backfill.Storage.Parquet;

/// <summary>The file of a features dataset: entity, date, then one double column per feature, in definition order.</summary>
internal sealed class FeatureParquet
{
    public const string FileName = "features.parquet";

    private static readonly DataField<string> EntityId = ParquetFiles.Text("entity_id");
    private static readonly DataField<DateOnly> Date = new("date", false);

    private readonly DataField<double>[] _values;
    private readonly ParquetSchema _schema;

    public FeatureParquet(FeatureVersion features)
    {
        _values = [.. features.Features.Select(feature => new DataField<double>(feature.Name, false))];
        _schema = new ParquetSchema([EntityId, Date, .. _values]);
        Columns = ParquetFiles.Columns(_schema);
    }

    public IReadOnlyList<ColumnSchema> Columns { get; }

    public async Task<ReadOnlyMemory<byte>> WriteAsync(IReadOnlyList<FeatureRow> rows, CancellationToken cancellationToken) =>
        await ParquetFiles.WriteAsync(_schema, rows.Count, async (group, start, count) =>
        {
            var slice = rows.Skip(start).Take(count).ToArray();
            await group.WriteAsync(EntityId, slice.Select(row => row.EntityId).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<DateOnly>(Date, slice.Select(row => row.Date).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < _values.Length; i++)
            {
                await group.WriteAsync<double>(_values[i], slice.Select(row => row.Values[i]).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);

    public async Task<List<FeatureRow>> ReadAsync(Stream input, CancellationToken cancellationToken)
    {
        var rows = new List<FeatureRow>();
        await ParquetFiles.ReadAsync(input, async (group, count) =>
        {
            var entities = new string[count];
            var dates = new DateOnly[count];
            await group.ReadAsync(EntityId, entities, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.ReadAsync<DateOnly>(Date, dates, cancellationToken: cancellationToken).ConfigureAwait(false);
            var columns = new double[_values.Length][];
            for (var i = 0; i < _values.Length; i++)
            {
                columns[i] = new double[count];
                await group.ReadAsync<double>(_values[i], columns[i], cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            for (var row = 0; row < count; row++)
            {
                rows.Add(new FeatureRow(entities[row], dates[row], [.. columns.Select(column => column[row])]));
            }
        }, cancellationToken).ConfigureAwait(false);
        return rows;
    }
}

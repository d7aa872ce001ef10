using Azure;
using Azure.Data.Tables;
using Backfill.Core.Daily;
using Backfill.Core.Partitions;

namespace Backfill.Storage.Daily;

/// <summary>
/// The late-data metrics in the <c>latedata</c> table, one row per event day. They describe what landed and what
/// raw and staging took in, so they belong to the day, not to a feature version. Written by the daily run's
/// activities and by backfills' staging builds, read by <c>GET /api/late-data</c>.
/// </summary>
public sealed class LateDataStore(TableServiceClient tables)
{
    /// <summary>The table's name.</summary>
    public const string TableName = "latedata";

    // One partition: a day range is one ordered range query.
    private const string Days = "days";

    private readonly TableClient _table = tables.GetTableClient(TableName);
    private bool _created;

    /// <summary>The metrics of one day, or <see langword="null"/> before its first build.</summary>
    public async Task<LateDataDay?> GetAsync(Day day, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Days, day.ToString(), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? Read(row.Value!) : null;
    }

    /// <summary>Writes the metrics of one day (a later write replaces an earlier one).</summary>
    public async Task SaveAsync(LateDataDay metrics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var landed = metrics.Landed;
        var entity = new TableEntity(Days, metrics.Day.ToString())
        {
            ["OnTime"] = landed.OnTime,
            ["Late0To24h"] = landed.Late0To24Hours,
            ["Late24To48h"] = landed.Late24To48Hours,
            ["LateOver48h"] = landed.LateOver48Hours,
            ["Duplicates"] = landed.Duplicates,
            ["Malformed"] = landed.Malformed,
            ["IncludedAtFirstProcessing"] = metrics.IncludedAtFirstProcessing,
            ["PickedUpByRolling"] = metrics.PickedUpByRolling,
            ["RepairedAfterWindow"] = metrics.RepairedAfterWindow,
            ["BeyondWatermarkPending"] = metrics.BeyondWatermarkPending,
            ["Included"] = metrics.Included,
            ["LastProcessedAt"] = metrics.LastProcessedAt,
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The metrics of the days from <paramref name="from"/> to <paramref name="to"/> that have any, oldest first.</summary>
    public async Task<IReadOnlyList<LateDataDay>> ReadAsync(Day from, Day to, CancellationToken cancellationToken)
    {
        var days = new List<LateDataDay>();
        try
        {
            var first = from.ToString();
            var last = to.ToString();
            await foreach (var row in _table.QueryAsync<TableEntity>(
                               e => e.PartitionKey == Days && e.RowKey.CompareTo(first) >= 0 && e.RowKey.CompareTo(last) <= 0,
                               cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                days.Add(Read(row));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No run has recorded anything yet.
        }

        return [.. days.OrderBy(day => day.Day)];
    }

    private static LateDataDay Read(TableEntity row)
    {
        long Get(string name) => row.GetInt64(name) ?? 0;
        return new LateDataDay(
            Day.Parse(row.RowKey),
            new LandedCounts(Get("OnTime"), Get("Late0To24h"), Get("Late24To48h"), Get("LateOver48h"), Get("Duplicates"), Get("Malformed")),
            Get("IncludedAtFirstProcessing"), Get("PickedUpByRolling"), Get("RepairedAfterWindow"), Get("BeyondWatermarkPending"), Get("Included"),
            row.GetDateTimeOffset("LastProcessedAt") ?? default);
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            _created = true;
        }
    }
}

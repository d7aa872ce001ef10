using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Backfill.Storage.Alerts;

/// <summary>
/// The <c>alerts</c> table: one partition, row keys that sort newest first (inverted ticks), so the latest
/// alerts and a time range are one ordered range query. A second partition holds one marker per dedup key, so a
/// condition that persists is stored once.
/// </summary>
public sealed class AlertStore(TableServiceClient tables)
{
    /// <summary>The table's name.</summary>
    public const string TableName = "alerts";

    private const string PartitionKey = "alert";

    private const string DedupPartitionKey = "dedup";

    private readonly TableClient _table = tables.GetTableClient(TableName);
    private bool _created;

    /// <summary>Stores an alert.</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    public async Task AddAsync(AlertRecord alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);

        // A unique suffix keeps two alerts of the same tick apart.
        await _table.AddEntityAsync(ToEntity(PartitionKey, TimeKey(alert.RaisedAt) + "-" + Guid.NewGuid().ToString("N"), alert), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Stores an alert once per <see cref="AlertRecord.DedupKey"/>: the first call stores it, later calls with the same
    /// key store nothing. Three writes: a marker reserves the key, then the alert row, then the marker says it is listed.
    /// A crash between them leaves a reserved marker, and the next call with that key finishes the first alert (same
    /// time, same row) instead of dropping it or storing a second one.
    /// </summary>
    /// <param name="alert">The alert; its dedup key must be set.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>The alert as stored (the first one for its key), and whether this call listed it.</returns>
    public async Task<(AlertRecord Alert, bool Listed)> AddOnceAsync(AlertRecord alert, CancellationToken cancellationToken)
    {
        var (first, listed) = await ReserveAsync(alert, cancellationToken).ConfigureAwait(false);
        if (listed)
        {
            return (first, false);
        }

        var rowKey = DedupRowKey(first.DedupKey!);
        await _table.UpsertEntityAsync(ToEntity(PartitionKey, TimeKey(first.RaisedAt) + "-" + rowKey, first), TableUpdateMode.Replace, cancellationToken)
            .ConfigureAwait(false);
        await _table.UpdateEntityAsync(new TableEntity(DedupPartitionKey, rowKey) { ["Listed"] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken)
            .ConfigureAwait(false);
        return (first, true);
    }

    /// <summary>
    /// The first of <see cref="AddOnceAsync"/>'s writes alone: reserves the alert's dedup key, or reads the alert that
    /// reserved it first. Public so a test can stop there, as a crash would.
    /// </summary>
    /// <param name="alert">The alert; its dedup key must be set.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>The first alert for the key, and whether it is already listed.</returns>
    public async Task<(AlertRecord First, bool Listed)> ReserveAsync(AlertRecord alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentException.ThrowIfNullOrEmpty(alert.DedupKey);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var marker = ToEntity(DedupPartitionKey, DedupRowKey(alert.DedupKey), alert);
        marker["Listed"] = false;
        try
        {
            await _table.AddEntityAsync(marker, cancellationToken).ConfigureAwait(false);
            return (alert, false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = (await _table.GetEntityAsync<TableEntity>(DedupPartitionKey, marker.RowKey, cancellationToken: cancellationToken)
                .ConfigureAwait(false)).Value;
            return (ToRecord(existing), existing.GetBoolean("Listed") == true);
        }
    }

    /// <summary>Lists alerts raised in [<paramref name="from"/>, <paramref name="to"/>], newest first.</summary>
    /// <param name="from">The earliest raise time, inclusive; null for no lower bound.</param>
    /// <param name="to">The latest raise time, inclusive; null for no upper bound.</param>
    /// <param name="limit">The most alerts returned; at least 1.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The alerts, newest first.</returns>
    public async Task<IReadOnlyList<AlertRecord>> ListAsync(
        DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey}");
        if (to is { } newest)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey ge {TimeKey(newest)}");
        }

        if (from is { } oldest)
        {
            // Every row key of that tick continues with '-'; '.' sorts right after it.
            filter += " and " + TableClient.CreateQueryFilter($"RowKey lt {TimeKey(oldest) + "."}");
        }

        var alerts = new List<AlertRecord>();
        try
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken)
                               .ConfigureAwait(false))
            {
                alerts.Add(ToRecord(row));
                if (alerts.Count == limit)
                {
                    break;
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No alert was ever raised.
        }

        return alerts;
    }

    private static string TimeKey(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    // Keys may hold characters table keys refuse ('/', '#', '?'); a hash of the key never does.
    private static string DedupRowKey(string dedupKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dedupKey)))[..32];

    private static TableEntity ToEntity(string partitionKey, string rowKey, AlertRecord alert) => new(partitionKey, rowKey)
    {
        ["RaisedAt"] = alert.RaisedAt,
        ["Severity"] = alert.Severity.ToString().ToLowerInvariant(),
        ["Kind"] = alert.Kind,
        ["Dataset"] = alert.Dataset,
        ["Partition"] = alert.Partition,
        ["RunId"] = alert.RunId,
        ["Message"] = alert.Message,
        ["Details"] = alert.Details is { } details ? details.GetRawText() : null,
        ["DedupKey"] = alert.DedupKey,
    };

    private static AlertRecord ToRecord(TableEntity row) => new(
        row.GetDateTimeOffset("RaisedAt") ?? default,
        Enum.Parse<AlertSeverity>(row.GetString("Severity"), ignoreCase: true),
        row.GetString("Kind"),
        row.GetString("Dataset"),
        row.GetString("Partition"),
        row.GetString("RunId"),
        row.GetString("Message"),
        row.GetString("Details") is { } details ? Parse(details) : null,
        row.GetString("DedupKey"));

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
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

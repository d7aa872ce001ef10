using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Backfill.Storage.Alerts;

/// <summary>
/// The <c>alerts</c> table: one partition, row keys that sort newest first (inverted ticks), so the latest
/// alerts and a time range are one ordered range query.
/// </summary>
public sealed class AlertStore(TableServiceClient tables)
{
    /// <summary>The table's name.</summary>
    public const string TableName = "alerts";

    private const string PartitionKey = "alert";

    private readonly TableClient table = tables.GetTableClient(TableName);
    private bool created;

    /// <summary>Stores an alert.</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    public async Task AddAsync(AlertRecord alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);

        // A unique suffix keeps two alerts of the same tick apart.
        var entity = new TableEntity(PartitionKey, TimeKey(alert.RaisedAt) + "-" + Guid.NewGuid().ToString("N"))
        {
            ["RaisedAt"] = alert.RaisedAt,
            ["Severity"] = alert.Severity.ToString().ToLowerInvariant(),
            ["Kind"] = alert.Kind,
            ["Dataset"] = alert.Dataset,
            ["Partition"] = alert.Partition,
            ["RunId"] = alert.RunId,
            ["Message"] = alert.Message,
            ["Details"] = alert.Details is { } details ? details.GetRawText() : null,
        };
        await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
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
            await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken)
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

    private static AlertRecord ToRecord(TableEntity row) => new(
        row.GetDateTimeOffset("RaisedAt") ?? default,
        Enum.Parse<AlertSeverity>(row.GetString("Severity"), ignoreCase: true),
        row.GetString("Kind"),
        row.GetString("Dataset"),
        row.GetString("Partition"),
        row.GetString("RunId"),
        row.GetString("Message"),
        row.GetString("Details") is { } details ? Parse(details) : null);

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!created)
        {
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            created = true;
        }
    }
}

using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Backfill.Core.Validation;
using Backfill.Storage.Layout;

namespace Backfill.Storage.Backfills;

/// <summary>
/// Per-item details of backfills in the <c>backfillitems</c> table (partition = backfill id, row =
/// work item). The orchestration keeps only compact states; this is what "attempts 3, 412 rows,
/// failed: …" comes from, at any backfill size.
/// </summary>
public sealed class BackfillItemStore(TableServiceClient tables)
{
    /// <summary>The table's name.</summary>
    public const string TableName = "backfillitems";

    private readonly TableClient _table = tables.GetTableClient(TableName);
    private bool _created;

    /// <summary>Records an attempt; a later attempt replaces an earlier one (rerunning an attempt writes the same row).</summary>
    public async Task RecordAsync(string backfillId, BackfillItemRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(backfillId, RowKey(record.WorkItem))
        {
            ["WorkItem"] = record.WorkItem,
            ["Outcome"] = record.Outcome,
            ["Attempts"] = record.Attempts,
            ["Rows"] = record.Rows,
            ["DurationMilliseconds"] = record.DurationMilliseconds,
            ["Error"] = record.Error,
            ["StartedAt"] = record.StartedAt,
            ["FinishedAt"] = record.FinishedAt,
            ["Validation"] = record.Validation is { } validation ? JsonSerializer.Serialize(validation, LakeJson.LineOptions) : null,
            ["Redelivered"] = record.Redelivered,
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every recorded item of a backfill, keyed by work item id.</summary>
    public async Task<IReadOnlyDictionary<string, BackfillItemRecord>> ReadAsync(string backfillId, CancellationToken cancellationToken)
    {
        var records = new Dictionary<string, BackfillItemRecord>(StringComparer.Ordinal);
        try
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == backfillId, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var record = new BackfillItemRecord(
                    row.GetString("WorkItem"), row.GetString("Outcome"), row.GetInt32("Attempts") ?? 0, row.GetInt64("Rows") ?? 0,
                    row.GetInt64("DurationMilliseconds") ?? 0, row.GetString("Error"),
                    row.GetDateTimeOffset("StartedAt") ?? default, row.GetDateTimeOffset("FinishedAt") ?? default,
                    row.GetString("Validation") is { } validation
                        ? JsonSerializer.Deserialize<List<ValidationResult>>(validation, LakeJson.LineOptions)
                        : null,
                    row.GetBoolean("Redelivered") ?? false);
                records[record.WorkItem] = record;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No backfill has recorded anything yet.
        }

        return records;
    }

    // Table keys may not contain '/'; work item ids always do.
    private static string RowKey(string workItem) => workItem.Replace('/', '_');

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            _created = true;
        }
    }
}

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

    // Two deliveries of one item racing is rare; more writers than this on one row is a bug, not contention.
    private const int MaxWriteTries = 5;

    private readonly TableClient _table = tables.GetTableClient(TableName);
    private bool _created;

    /// <summary>
    /// Records an attempt: the row shows the latest attempt and appends it to the item's bounded attempt log
    /// (<see cref="ItemAttempts"/>). Rerunning an attempt writes the same row and log entry. The log is a read-modify-write
    /// guarded by the row's ETag, so two deliveries of one item racing each other both land.
    /// </summary>
    public async Task RecordAsync(string backfillId, BackfillItemRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var attempt = new ItemAttempt(record.Attempts, record.StartedAt, record.FinishedAt, record.Outcome, record.Error);
        for (var tries = 1; ; tries++)
        {
            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(backfillId, RowKey(record.WorkItem), cancellationToken: cancellationToken).ConfigureAwait(false);
            var kept = existing.HasValue ? LogOf(existing.Value!) : [];
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
                ["AttemptLog"] = JsonSerializer.Serialize(ItemAttempts.Append(kept, attempt), LakeJson.LineOptions),
            };
            try
            {
                if (existing.HasValue)
                {
                    await _table.UpdateEntityAsync(entity, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && tries < MaxWriteTries)
            {
                // Another delivery of the same item wrote first: read its row again and append to it.
            }
        }
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
                    row.GetBoolean("Redelivered") ?? false,
                    LogOf(row));
                records[record.WorkItem] = record;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No backfill has recorded anything yet.
        }

        return records;
    }

    // Rows written before the attempt log existed have none: they show no attempts rather than failing the read.
    private static List<ItemAttempt> LogOf(TableEntity row) =>
        row.GetString("AttemptLog") is { } log ? JsonSerializer.Deserialize<List<ItemAttempt>>(log, LakeJson.LineOptions) ?? [] : [];

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

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

    // Joins a key to what it is a part of: legal in table keys, and in no backfill id, work item id or step name.
    private const char StepSeparator = '~';

    private readonly TableClient _table = tables.GetTableClient(TableName);
    private bool _created;

    /// <summary>
    /// Records an attempt: the row shows the latest attempt and appends it to the item's bounded attempt log
    /// (<see cref="ItemAttempts"/>). Rerunning an attempt writes the same row and log entry. The log is a read-modify-write
    /// guarded by the row's ETag, so two deliveries of one item racing each other both land.
    /// </summary>
    public Task RecordAsync(string backfillId, BackfillItemRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return WriteAsync(backfillId, RowKey(record.WorkItem), record, cancellationToken);
    }

    /// <summary>
    /// Records an attempt at one step of a day split into buckets (<c>pin</c>, <c>bucket=NNN</c> or <c>publish</c>), as
    /// <see cref="RecordAsync"/> does for items. Steps live apart from the items, so a backfill's status reads one row per
    /// day whatever its bucket count; <see cref="ReadStepsAsync"/> reads one day's steps when an operator expands it.
    /// </summary>
    /// <param name="backfillId">The backfill's (or daily run's) id.</param>
    /// <param name="step">The step's name.</param>
    /// <param name="record">The attempt, with <see cref="BackfillItemRecord.WorkItem"/> the day's work item id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public Task RecordStepAsync(string backfillId, string step, BackfillItemRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return WriteAsync(StepsPartition(backfillId), $"{RowKey(record.WorkItem)}{StepSeparator}{step}", record, cancellationToken);
    }

    /// <summary>The recorded steps of one work item of a backfill, keyed by step name (empty for a day built whole).</summary>
    public async Task<IReadOnlyDictionary<string, BackfillItemRecord>> ReadStepsAsync(string backfillId, string workItem, CancellationToken cancellationToken)
    {
        var prefix = $"{RowKey(workItem)}{StepSeparator}";
        var after = $"{RowKey(workItem)}{(char)(StepSeparator + 1)}";
        var steps = new Dictionary<string, BackfillItemRecord>(StringComparer.Ordinal);
        var partition = StepsPartition(backfillId);
        try
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(
                e => e.PartitionKey == partition && e.RowKey.CompareTo(prefix) >= 0 && e.RowKey.CompareTo(after) < 0,
                cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                steps[row.RowKey[prefix.Length..]] = RecordOf(row);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Nothing recorded yet.
        }

        return steps;
    }

    private async Task WriteAsync(string partitionKey, string rowKey, BackfillItemRecord record, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var attempt = new ItemAttempt(record.Attempts, record.StartedAt, record.FinishedAt, record.Outcome, record.Error);
        for (var tries = 1; ; tries++)
        {
            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            var kept = existing.HasValue ? LogOf(existing.Value!) : [];
            var entity = new TableEntity(partitionKey, rowKey)
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

    /// <summary>The recorded row of one work item of a backfill, by a point read.</summary>
    /// <param name="backfillId">The backfill's (or daily run's) id.</param>
    /// <param name="workItem">The work item's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The row; null when the item has recorded nothing.</returns>
    public async Task<BackfillItemRecord?> ReadOneAsync(string backfillId, string workItem, CancellationToken cancellationToken)
    {
        try
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(backfillId, RowKey(workItem), cancellationToken: cancellationToken).ConfigureAwait(false);
            return row.HasValue ? RecordOf(row.Value!) : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No backfill has recorded anything yet: the table itself is missing.
            return null;
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
                var record = RecordOf(row);
                records[record.WorkItem] = record;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No backfill has recorded anything yet.
        }

        return records;
    }

    private static BackfillItemRecord RecordOf(TableEntity row) => new(
        row.GetString("WorkItem"), row.GetString("Outcome"), row.GetInt32("Attempts") ?? 0, row.GetInt64("Rows") ?? 0,
        row.GetInt64("DurationMilliseconds") ?? 0, row.GetString("Error"),
        row.GetDateTimeOffset("StartedAt") ?? default, row.GetDateTimeOffset("FinishedAt") ?? default,
        row.GetString("Validation") is { } validation ? JsonSerializer.Deserialize<List<ValidationResult>>(validation, LakeJson.LineOptions) : null,
        row.GetBoolean("Redelivered") ?? false,
        LogOf(row));

    // A partition of its own, so the backfill's status query (its id's partition) never reads a step.
    private static string StepsPartition(string backfillId) => $"{backfillId}{StepSeparator}steps";

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

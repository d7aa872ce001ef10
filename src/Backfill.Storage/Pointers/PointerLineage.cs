using System.Globalization;
using Azure.Data.Tables;
using Backfill.Storage.Layout;

namespace Backfill.Storage.Pointers;

/// <summary>
/// Flips and rollbacks in the <c>lineage</c> table, beside the commits they made visible: partition key
/// <c>_pointers|{name}</c>, row key the sequence (zero-padded, so rows sort in order).
/// </summary>
public sealed class PointerLineage
{
    private readonly TableClient _table;

    /// <summary>Creates the store over the lake's lineage table.</summary>
    /// <param name="lake">The shared storage handle.</param>
    public PointerLineage(LakeStorage lake)
    {
        ArgumentNullException.ThrowIfNull(lake);
        _table = lake.Lineage;
    }

    /// <summary>Records a change; repeating it (at-least-once delivery) rewrites the same row.</summary>
    /// <param name="change">The change.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the row is written.</returns>
    public Task RecordAsync(PointerChangeRecord change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var entity = new TableEntity(Key(change.Name), change.Sequence.ToString("D19", CultureInfo.InvariantCulture))
        {
            ["Kind"] = change.Kind,
            ["From"] = change.From,
            ["To"] = change.To,
            ["Sequence"] = change.Sequence,
            ["FlippedAt"] = change.FlippedAt,
            ["FlippedBy"] = change.FlippedBy,
            ["RequiredDays"] = change.RequiredDays,
            ["Canary"] = change.Canary,
        };
        return _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Every recorded change of a pointer, oldest first.</summary>
    /// <param name="name">The pointer.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The changes in sequence order.</returns>
    public async Task<IReadOnlyList<PointerChangeRecord>> ListAsync(string name, CancellationToken cancellationToken)
    {
        var key = Key(name);
        var changes = new List<PointerChangeRecord>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == key, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            changes.Add(new PointerChangeRecord(
                name,
                entity.GetString("Kind"),
                entity.GetString("From"),
                entity.GetString("To"),
                entity.GetInt64("Sequence") ?? 0,
                entity.GetDateTimeOffset("FlippedAt") ?? DateTimeOffset.MinValue,
                entity.GetString("FlippedBy"),
                entity.GetInt32("RequiredDays") ?? 0,
                entity.GetString("Canary") ?? string.Empty));
        }

        return changes;
    }

    private static string Key(string name) => "_pointers|" + name;
}

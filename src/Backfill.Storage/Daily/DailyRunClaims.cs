using Azure;
using Azure.Data.Tables;

namespace Backfill.Storage.Daily;

/// <summary>
/// One claim per daily run id in the <c>dailyruns</c> table. Starting an orchestration is not atomic against a
/// concurrent start of the same id (a pending instance can be overwritten), but inserting a table row is: only
/// the trigger whose insert wins starts the run. Claims are partitioned by task hub, as instance ids are.
/// </summary>
public sealed class DailyRunClaims(TableServiceClient tables, TimeProvider time, string taskHub)
{
    /// <summary>The table's name.</summary>
    public const string TableName = "dailyruns";

    private readonly TableClient _table = tables.GetTableClient(TableName);
    private bool _created;

    /// <summary>
    /// Claims <paramref name="id"/>, whose run does not exist yet. A claim older than <paramref name="staleAfter"/>
    /// belongs to a claimer that died before starting the run, so it can be taken over (once: the ETag decides).
    /// </summary>
    /// <returns>True when this caller holds the claim and must start the run.</returns>
    public async Task<bool> TryClaimAsync(string id, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            _created = true;
        }

        var now = time.GetUtcNow();
        try
        {
            await _table.AddEntityAsync(new TableEntity(taskHub, id) { ["ClaimedAt"] = now }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Claimed already: fall through to the staleness check.
        }

        var existing = await _table.GetEntityAsync<TableEntity>(taskHub, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (now - (existing.Value.GetDateTimeOffset("ClaimedAt") ?? now) < staleAfter)
        {
            return false;
        }

        try
        {
            // The ETag makes the takeover itself single-winner.
            await _table.UpdateEntityAsync(new TableEntity(taskHub, id) { ["ClaimedAt"] = now }, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }
}

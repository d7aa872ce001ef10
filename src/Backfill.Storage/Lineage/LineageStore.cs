using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;
using Backfill.Core.Validation;
using Backfill.Storage.Commits;
using Backfill.Storage.Layout;

namespace Backfill.Storage.Lineage;

/// <summary>
/// The <c>lineage</c> table: one row per commit (partition key <c>dataset|YYYY-MM-DD</c>, row key the commit id),
/// written when the commit is staged and updated as it is validated and published.
/// </summary>
public sealed class LineageStore
{
    private readonly TableClient _table;

    /// <summary>Creates the store over the lake's lineage table.</summary>
    /// <param name="lake">The shared storage handle.</param>
    public LineageStore(LakeStorage lake)
    {
        ArgumentNullException.ThrowIfNull(lake);
        _table = lake.Lineage;
    }

    /// <summary>Returns the lineage of one commit.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="partition">The partition's day.</param>
    /// <param name="commitId">The commit.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entry; null when the commit has none.</returns>
    public async Task<LineageEntry?> GetAsync(
        string dataset, Day partition, string commitId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(
            TableKey(dataset, partition), commitId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? ToEntry(response.Value!) : null;
    }

    /// <summary>Returns the lineage of every commit of a partition, oldest first.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="partition">The partition's day.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries in commit id (time) order.</returns>
    public async Task<IReadOnlyList<LineageEntry>> ListAsync(
        string dataset, Day partition, CancellationToken cancellationToken)
    {
        var entries = new List<LineageEntry>();
        var key = TableKey(dataset, partition);
        await foreach (var entity in _table.QueryAsync<TableEntity>(
                           entity => entity.PartitionKey == key, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(ToEntry(entity));
        }

        return entries;
    }

    /// <summary>Returns the lineage of every commit of a dataset's partitions from one day to another, in one query.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day (inclusive).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries by day, then commit id (time) order.</returns>
    public async Task<IReadOnlyList<LineageEntry>> ListRangeAsync(
        string dataset, Day from, Day to, CancellationToken cancellationToken)
    {
        var entries = new List<LineageEntry>();
        var first = TableKey(dataset, from);
        var last = TableKey(dataset, to);
        try
        {
            await foreach (var entity in _table.QueryAsync<TableEntity>(
                               TableClient.CreateQueryFilter($"PartitionKey ge {first} and PartitionKey le {last}"),
                               cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                entries.Add(ToEntry(entity));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No commit has been staged yet, so the table does not exist.
        }

        return entries;
    }

    /// <summary>Returns the newest day of a dataset that has any commit.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The day; null when the dataset has no commit.</returns>
    public async Task<Day?> NewestDayAsync(string dataset, CancellationToken cancellationToken)
    {
        // Keys are "dataset|YYYY-MM-DD": '}' sorts after '|', so this range is exactly the dataset's rows.
        var first = dataset + "|";
        var after = dataset + "}";
        string? newest = null;
        try
        {
            await foreach (var entity in _table.QueryAsync<TableEntity>(
                               TableClient.CreateQueryFilter($"PartitionKey gt {first} and PartitionKey lt {after}"),
                               select: ["PartitionKey"],
                               cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (newest is null || string.CompareOrdinal(entity.PartitionKey, newest) > 0)
                {
                    newest = entity.PartitionKey;
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No commit has been staged yet.
        }

        return newest is null ? null : Day.Parse(newest[(newest.LastIndexOf('|') + 1)..]);
    }

    /// <summary>
    /// Returns the newest published commits of a dataset, by commit id (time), with their timings and sizes only: what
    /// an impact estimate learns from. One query over the dataset's rows, reading four columns of each.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="count">How many to return at most.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Up to <paramref name="count"/> commits, newest first; empty when the dataset has none.</returns>
    public async Task<IReadOnlyList<RecentCommit>> RecentPublishedAsync(string dataset, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);

        // Keys are "dataset|YYYY-MM-DD": '}' sorts after '|', so this range is exactly the dataset's rows.
        var first = dataset + "|";
        var after = dataset + "}";
        var published = Name(CommitStatus.Published);
        var newest = new PriorityQueue<RecentCommit, string>(count + 1, StringComparer.Ordinal);
        try
        {
            await foreach (var entity in _table.QueryAsync<TableEntity>(
                               TableClient.CreateQueryFilter($"PartitionKey gt {first} and PartitionKey lt {after} and Status eq {published}"),
                               select: ["RowKey", "BuildMs", "StageMs", "ValidateMs", "PublishMs", "Bytes"],
                               cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                // A min-heap on the commit id keeps the newest: version 7 ids sort by creation time.
                newest.Enqueue(
                    new RecentCommit(
                        entity.RowKey,
                        new CommitTimings(entity.GetInt64("BuildMs") ?? 0, entity.GetInt64("StageMs") ?? 0, entity.GetInt64("ValidateMs"), entity.GetInt64("PublishMs")),
                        entity.GetInt64("Bytes")),
                    entity.RowKey);
                if (newest.Count > count)
                {
                    newest.Dequeue();
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No commit has been staged yet.
        }

        return [.. newest.UnorderedItems.Select(pair => pair.Element).OrderByDescending(c => c.CommitId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Makes the lineage row of a live commit say <c>published</c>. Publish writes the manifest first and the row
    /// second, so a crash between them leaves the live commit's row <c>staged</c>; every run and read that finds a
    /// live commit calls this, so the record converges on what the manifest says.
    /// </summary>
    /// <param name="live">The commit a manifest names.</param>
    /// <param name="publishedAt">
    /// The manifest's publish time, written with the status: a pinned baseline finds the commit live at its baseline
    /// time by it, so a repaired row must date the publish as an undisturbed one would, not the repair.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The repair made; null when the row already said published (or the commit has no row).</returns>
    public async Task<LineageRepair?> RepairPublishedAsync(CommitRecord live, DateTimeOffset publishedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(live);
        var key = TableKey(live.Dataset, live.Partition);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(key, live.CommitId, ["Status"], cancellationToken).ConfigureAwait(false);
        if (!row.HasValue)
        {
            return null;
        }

        var was = Parse<CommitStatus>(row.Value!.GetString("Status"));
        if (was == CommitStatus.Published)
        {
            return null;
        }

        await _table.UpsertEntityAsync(
            new TableEntity(key, live.CommitId) { ["Status"] = Name(CommitStatus.Published), ["PublishedAt"] = publishedAt }, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        return new LineageRepair(live.Dataset, live.Partition, live.CommitId, was);
    }

    /// <summary>Makes the lineage row of each live commit whose row does not say <c>published</c> say so.</summary>
    /// <param name="live">The live manifests, with their commits' lineage rows as read.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The repairs made.</returns>
    public async Task<IReadOnlyList<LineageRepair>> RepairPublishedAsync(
        IEnumerable<(PartitionManifest Live, LineageEntry? Entry)> live, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(live);
        var repairs = new List<LineageRepair>();
        foreach (var (manifest, entry) in live)
        {
            if (entry is not null && entry.Status != CommitStatus.Published
                && await RepairPublishedAsync(manifest.Commit, manifest.PublishedAt, cancellationToken).ConfigureAwait(false) is { } repair)
            {
                repairs.Add(repair);
            }
        }

        return repairs;
    }

    internal Task RecordRolledBackAsync(string dataset, Day partition, string commitId, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(
            new TableEntity(TableKey(dataset, partition), commitId) { ["Status"] = Name(CommitStatus.RolledBack) }, TableUpdateMode.Merge, cancellationToken);

    /// <summary>Writes a staged commit's row: what built it, from which inputs, and what it wrote.</summary>
    /// <param name="commit">The staged commit.</param>
    /// <param name="buckets">Its buckets, for a day split into buckets; null otherwise.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    internal Task RecordStagedAsync(CommitRecord commit, IReadOnlyList<BucketLineage>? buckets, CancellationToken cancellationToken)
    {
        var lineage = commit.Lineage;
        var entity = new TableEntity(TableKey(commit.Dataset, commit.Partition), commit.CommitId)
        {
            ["Status"] = Name(CommitStatus.Staged),
            ["RunId"] = lineage.RunId,
            ["Trigger"] = Name(lineage.Trigger),
            ["BackfillId"] = lineage.BackfillId,
            ["CodeVersion"] = lineage.CodeVersion,
            ["ConfigHash"] = lineage.ConfigHash,
            ["WriteMode"] = Name(commit.WriteMode),
            ["InputCommitIds"] = JsonSerializer.Serialize(lineage.Inputs.Select(InputId).ToList(), LakeJson.LineOptions),
            ["RowCount"] = commit.RowCount,
            ["ContentHash"] = commit.ContentHash,
            ["PreviousCommitId"] = lineage.PreviousCommitId,
            ["BuildMs"] = lineage.BuildMilliseconds,
            ["StageMs"] = lineage.StageMilliseconds,
            ["BaselineAsOf"] = lineage.BaselineAsOf,
            ["Bytes"] = commit.Files.Sum(file => file.Bytes),

            // UTF-8 bytes, not a string: a string property holds 32K characters, a binary one 64 KiB, room for 256 buckets.
            ["Buckets"] = buckets is null ? null : JsonSerializer.SerializeToUtf8Bytes(buckets, LakeJson.LineOptions),
        };
        return _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    internal Task RecordValidationAsync(
        CommitRecord commit, PartitionValidationReport validation, long milliseconds, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKey(commit.Dataset, commit.Partition), commit.CommitId)
        {
            ["Validation"] = Name(validation.Status),
            ["ValidationResults"] = JsonSerializer.Serialize(validation.Results, LakeJson.LineOptions),
            ["ValidateMs"] = milliseconds,
        };
        if (!validation.IsPublishable)
        {
            entity["Status"] = Name(CommitStatus.Rejected);
        }

        return _table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    internal Task RecordPublishAsync(
        CommitRecord commit, CommitStatus status, long milliseconds, DateTimeOffset? publishedAt, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKey(commit.Dataset, commit.Partition), commit.CommitId)
        {
            ["Status"] = Name(status),
            ["PublishMs"] = milliseconds,
        };

        // The manifest's publish time: a later run's pinned baseline finds the commit live at its baseline time by it.
        if (status == CommitStatus.Published && publishedAt is { } at)
        {
            entity["PublishedAt"] = at;
        }

        return _table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    private static string TableKey(string dataset, Day partition) =>
        string.Create(CultureInfo.InvariantCulture, $"{dataset}|{partition}");

    private static string InputId(InputCommit input) =>
        string.Create(CultureInfo.InvariantCulture, $"{input.Dataset}/{input.Partition}@{input.CommitId}");

    /// <summary>Reads one of <see cref="LineageEntry.InputCommitIds"/> back: <c>dataset/YYYY-MM-DD@commitId</c>.</summary>
    /// <param name="inputId">The input as the row spells it.</param>
    /// <returns>The upstream partition and the commit read.</returns>
    /// <exception cref="FormatException">It is not in that form.</exception>
    public static InputCommit ParseInputId(string inputId)
    {
        ArgumentNullException.ThrowIfNull(inputId);
        var slash = inputId.IndexOf('/', StringComparison.Ordinal);
        var at = inputId.IndexOf('@', StringComparison.Ordinal);
        if (slash <= 0 || at <= slash + 1 || at == inputId.Length - 1)
        {
            throw new FormatException($"Lineage input '{inputId}' is not dataset/YYYY-MM-DD@commitId.");
        }

        return new InputCommit(inputId[..slash], Day.Parse(inputId[(slash + 1)..at]), inputId[(at + 1)..]);
    }

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static TEnum Parse<TEnum>(string? text)
        where TEnum : struct, Enum =>
        Enum.Parse<TEnum>((text ?? throw new FormatException($"Lineage lacks a {typeof(TEnum).Name}.")).Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true);

    private static LineageEntry ToEntry(TableEntity entity)
    {
        var separator = entity.PartitionKey.LastIndexOf('|');
        var validation = entity.GetString("Validation");
        var status = Parse<CommitStatus>(entity.GetString("Status"));
        return new LineageEntry(
            entity.PartitionKey[..separator],
            Day.Parse(entity.PartitionKey[(separator + 1)..]),
            entity.RowKey,
            status,
            entity.GetString("RunId"),
            Parse<RunTrigger>(entity.GetString("Trigger")),
            entity.GetString("BackfillId"),
            entity.GetString("CodeVersion"),
            entity.GetString("ConfigHash"),
            Parse<WriteMode>(entity.GetString("WriteMode")),
            JsonSerializer.Deserialize<List<string>>(entity.GetString("InputCommitIds"), LakeJson.LineOptions) ?? [],
            entity.GetInt64("RowCount") ?? 0,
            entity.GetString("ContentHash"),
            entity.GetString("PreviousCommitId"),
            new CommitTimings(
                entity.GetInt64("BuildMs") ?? 0,
                entity.GetInt64("StageMs") ?? 0,
                entity.GetInt64("ValidateMs"),
                entity.GetInt64("PublishMs")),
            validation is null ? null : Parse<ValidationStatus>(validation),
            entity.GetString("ValidationResults") is { } results
                ? JsonSerializer.Deserialize<List<ValidationResult>>(results, LakeJson.LineOptions) ?? []
                : [],
            entity.GetDateTimeOffset("BaselineAsOf"),

            // Rows published before publish times were recorded: the row's last change was its publish.
            entity.GetDateTimeOffset("PublishedAt") ?? (status == CommitStatus.Published ? entity.Timestamp : null),
            entity.GetInt64("Bytes"),
            entity.GetBinary("Buckets") is { } buckets ? JsonSerializer.Deserialize<List<BucketLineage>>(buckets, LakeJson.LineOptions) : null);
    }
}

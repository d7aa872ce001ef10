using System.Security.Cryptography;
using Backfill.Core.Buckets;
using Backfill.Core.Events;
using Backfill.Core.Features;
using Backfill.Core.Landing;
using Backfill.Core.Partitions;
using Backfill.Core.Reports;
using Backfill.Core.Validation;
using Backfill.Storage.Commits;
using Backfill.Storage.Layout;
using Backfill.Storage.Parquet;
using Backfill.Storage.Quarantine;

namespace Backfill.Storage.Reading;

/// <summary>
/// Reads partitions through their manifests: resolve the live commit once, then read only its immutable files,
/// so a reader sees a whole commit even while another is being published.
/// </summary>
public sealed class PartitionReader
{
    private readonly LakeStorage _lake;
    private readonly ManifestStore _manifests;
    private readonly QuarantineStore _quarantine;

    /// <summary>Creates the reader.</summary>
    /// <param name="lake">The shared storage handle.</param>
    public PartitionReader(LakeStorage lake)
    {
        ArgumentNullException.ThrowIfNull(lake);
        _lake = lake;
        _manifests = new ManifestStore(lake);
        _quarantine = new QuarantineStore(lake);
    }

    /// <summary>Returns the live commit of a partition.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="partition">The partition's day.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The live commit; null when the partition has never been published.</returns>
    public async Task<CommitRecord?> GetLiveCommitAsync(string dataset, Day partition, CancellationToken cancellationToken) =>
        (await _manifests.GetAsync(dataset, partition, cancellationToken).ConfigureAwait(false)).Manifest?.Commit;

    /// <summary>Returns the manifest of a partition: its live commit, when it was published, and the commits kept for rollback.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="partition">The partition's day.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The manifest; null when the partition has never been published.</returns>
    public async Task<PartitionManifest?> GetManifestAsync(string dataset, Day partition, CancellationToken cancellationToken) =>
        (await _manifests.GetAsync(dataset, partition, cancellationToken).ConfigureAwait(false)).Manifest;

    /// <summary>
    /// Returns what storage says about a partition's manifest now: its live commit, ETag and Last-Modified, as read in
    /// one download so the three describe the same version of the blob.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="partition">The partition's day.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The evidence; null when the partition has never been published.</returns>
    public async Task<ManifestEvidence?> GetManifestEvidenceAsync(string dataset, Day partition, CancellationToken cancellationToken)
    {
        var state = await _manifests.GetAsync(dataset, partition, cancellationToken).ConfigureAwait(false);
        return state.Manifest is { } manifest
            ? new ManifestEvidence(manifest.Commit.CommitId, state.ETag.ToString()!, state.LastModified!.Value, manifest.PublishedAt, manifest.Commit.Lineage.RunId)
            : null;
    }

    /// <summary>Lists the days of a dataset that have a live commit.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The days, ascending.</returns>
    public Task<IReadOnlyList<Day>> ListCommittedDaysAsync(string dataset, CancellationToken cancellationToken) =>
        _manifests.ListDaysAsync(dataset, cancellationToken);

    /// <summary>Returns the live commit of a partition, or throws when there is none.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="partition">The partition's day.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The live commit.</returns>
    /// <exception cref="MissingPartitionException">The partition has never been published.</exception>
    public async Task<CommitRecord> GetRequiredCommitAsync(string dataset, Day partition, CancellationToken cancellationToken) =>
        await GetLiveCommitAsync(dataset, partition, cancellationToken).ConfigureAwait(false)
        ?? throw new MissingPartitionException(dataset, partition);

    /// <summary>Returns a commit by id, live or not, from its <c>_commit.json</c>.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="partition">The partition's day.</param>
    /// <param name="commitId">The commit.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The commit record.</returns>
    public async Task<CommitRecord> GetCommitAsync(string dataset, Day partition, string commitId, CancellationToken cancellationToken)
    {
        var content = await _lake.Container
            .GetBlobClient(LakePaths.CommitFile(dataset, partition, commitId, LakePaths.CommitRecordName))
            .DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return LakeJson.Deserialize<CommitRecord>(content.Value.Content);
    }

    /// <summary>Reads the schema a commit's file actually has, from the Parquet footer, as validation compares it.</summary>
    /// <param name="commit">The commit.</param>
    /// <param name="name">The file name, e.g. <c>features.parquet</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The file's columns, in file order.</returns>
    public async Task<IReadOnlyList<ColumnSchema>> ReadSchemaAsync(CommitRecord commit, string name, CancellationToken cancellationToken)
    {
        using var file = await OpenAsync(commit, FilesOf(commit, name, null)[0], cancellationToken).ConfigureAwait(false);
        return await ParquetFiles.ReadSchemaAsync(file, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the events of a <c>raw</c> or <c>staging</c> commit: of every bucket, in bucket order.</summary>
    /// <param name="commit">The commit.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows in storage order.</returns>
    public Task<IReadOnlyList<ArrivedEvent>> ReadEventsAsync(CommitRecord commit, CancellationToken cancellationToken) =>
        ReadEventsAsync(commit, null, cancellationToken);

    /// <summary>Reads the events of a <c>raw</c> or <c>staging</c> commit that belong to one bucket, reading only the files that can hold them.</summary>
    /// <param name="commit">The commit.</param>
    /// <param name="scope">The bucket wanted; null for every row.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows in storage order.</returns>
    public async Task<IReadOnlyList<ArrivedEvent>> ReadEventsAsync(CommitRecord commit, BucketScope? scope, CancellationToken cancellationToken)
    {
        var rows = new List<ArrivedEvent>();
        foreach (var part in await ReadPartsAsync(commit, EventParquet.FileName, scope, EventParquet.ReadAsync, cancellationToken).ConfigureAwait(false))
        {
            rows.AddRange(Filtered(commit, scope) is { } holds ? part.Where(row => holds(row.Event.EntityId)) : part);
        }

        return rows;
    }

    /// <summary>
    /// Reads the copy keys of a <c>raw</c> or <c>staging</c> commit's events that belong to one bucket: only the four
    /// columns that order copies (<see cref="CopyKey"/>), for the staging event id exchange.
    /// </summary>
    /// <param name="commit">The commit.</param>
    /// <param name="scope">The bucket wanted; null for every row.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The copy keys in storage order.</returns>
    public async Task<IReadOnlyList<CopyKey>> ReadCopyKeysAsync(CommitRecord commit, BucketScope? scope, CancellationToken cancellationToken)
    {
        var copies = new List<CopyKey>();
        foreach (var part in await ReadPartsAsync(commit, EventParquet.FileName, scope, CopyKeyParquet.ReadAsync, cancellationToken).ConfigureAwait(false))
        {
            copies.AddRange(Filtered(commit, scope) is { } holds ? part.Where(copy => holds(copy.EntityId)) : part);
        }

        return copies;
    }

    /// <summary>Reads the per-entity daily rollup of a <c>staging</c> commit.</summary>
    /// <param name="commit">The commit.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rollups ordered by entity id.</returns>
    public Task<RollupDay> ReadRollupsAsync(CommitRecord commit, CancellationToken cancellationToken) =>
        ReadRollupsAsync(commit, null, cancellationToken);

    /// <summary>Reads the rollups of a <c>staging</c> commit that belong to one bucket, reading only the files that can hold them.</summary>
    /// <param name="commit">The commit.</param>
    /// <param name="scope">The bucket wanted; null for every entity.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rollups ordered by entity id.</returns>
    public async Task<RollupDay> ReadRollupsAsync(CommitRecord commit, BucketScope? scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var date = commit.Partition.Date;
        var parts = await ReadPartsAsync(commit, RollupParquet.FileName, scope, (stream, token) => RollupParquet.ReadAsync(stream, date, token), cancellationToken)
            .ConfigureAwait(false);
        var holds = Filtered(commit, scope);
        if (parts.Count == 1 && holds is null)
        {
            // The common case (one file, or the one bucket file of the same bucket count) keeps its columns as read.
            return parts[0];
        }

        return RollupDay.Of(date, parts.SelectMany(part => part).Where(rollup => holds is null || holds(rollup.EntityId)));
    }

    /// <summary>Reads the rows of a features commit: of every bucket, in bucket order.</summary>
    /// <param name="commit">The commit.</param>
    /// <param name="features">The feature version of the commit's dataset.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows in storage order.</returns>
    public Task<IReadOnlyList<FeatureRow>> ReadFeaturesAsync(CommitRecord commit, FeatureVersion features, CancellationToken cancellationToken) =>
        ReadFeaturesAsync(commit, features, null, cancellationToken);

    /// <summary>Reads the rows of a features commit that belong to one bucket, reading only the files that can hold them.</summary>
    /// <param name="commit">The commit.</param>
    /// <param name="features">The feature version of the commit's dataset.</param>
    /// <param name="scope">The bucket wanted; null for every row.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows in storage order.</returns>
    public async Task<IReadOnlyList<FeatureRow>> ReadFeaturesAsync(
        CommitRecord commit, FeatureVersion features, BucketScope? scope, CancellationToken cancellationToken)
    {
        var parquet = new FeatureParquet(features);
        var parts = await ReadPartsAsync(commit, FeatureParquet.FileName, scope, parquet.ReadAsync, cancellationToken).ConfigureAwait(false);
        var holds = Filtered(commit, scope);
        return parts.Count == 1 && holds is null ? parts[0] : [.. parts.SelectMany(part => part).Where(row => holds is null || holds(row.EntityId))];
    }

    /// <summary>Reads the schema a features commit's file declares, as training's reader sees it.</summary>
    /// <param name="commit">The commit.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The file's columns, in order.</returns>
    public async Task<IReadOnlyList<Backfill.Core.Validation.ColumnSchema>> ReadFeatureColumnsAsync(CommitRecord commit, CancellationToken cancellationToken)
    {
        using var file = await OpenAsync(commit, FilesOf(commit, FeatureParquet.FileName, null)[0], cancellationToken).ConfigureAwait(false);
        return await ParquetFiles.ReadSchemaAsync(file, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The bucket scopes that split the rows of <paramref name="commits"/> into disjoint parts, one per bucket of the
    /// commit with the most buckets. A reader that goes scope by scope holds one bucket of each commit at a time, never a
    /// whole day; with one bucket everywhere, the one scope holds every row.
    /// </summary>
    /// <param name="commits">The commits read side by side; a null one (e.g. no previous commit) is skipped.</param>
    /// <returns>The scopes, in bucket order.</returns>
    public static IReadOnlyList<BucketScope> ScopesOf(params IEnumerable<CommitRecord?> commits)
    {
        ArgumentNullException.ThrowIfNull(commits);
        var count = BucketCount.Of(commits.OfType<CommitRecord>().Select(commit => commit.BucketCount.Value).DefaultIfEmpty(1).Max());
        return [.. Enumerable.Range(0, count.Value).Select(bucket => new BucketScope(bucket, count))];
    }

    /// <summary>Reads the lines a <c>raw</c> commit quarantined.</summary>
    /// <param name="commit">The commit.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The quarantined lines with their reasons.</returns>
    public Task<IReadOnlyList<QuarantinedLine>> ReadQuarantineAsync(CommitRecord commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return _quarantine.ReadAsync(commit.Partition, commit.CommitId, cancellationToken);
    }

    /// <summary>
    /// The files of a commit in the role <paramref name="name"/>: the one file of a whole-day commit, or that file of
    /// each bucket in bucket order; with a scope, only the buckets that can hold the scope's entities.
    /// </summary>
    private static IReadOnlyList<CommitFile> FilesOf(CommitRecord commit, string name, BucketScope? scope)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var buckets = scope is null ? null : EntityBucket.Upstream(scope.Bucket, scope.Count, commit.BucketCount).ToHashSet();
        IReadOnlyList<CommitFile> files =
        [
            .. commit.Files.Where(file => BucketPaths.RoleOf(file.Name) == name
                && (buckets is null || buckets.Contains(BucketPaths.BucketOf(file.Name) ?? 0))),
        ];
        return files.Count > 0 ? files : throw new InvalidOperationException($"Commit {commit.CommitId} of {commit.Dataset}/{commit.Partition} has no file {name}.");
    }

    // Rows of the files read still need filtering when the commit has fewer buckets than the scope: its bucket is a
    // superset of the scope's (buckets nest). Null when every row read belongs to the scope.
    private static Func<string, bool>? Filtered(CommitRecord commit, BucketScope? scope) =>
        scope is not null && commit.BucketCount.Value < scope.Count.Value ? scope.Holds : null;

    private async Task<IReadOnlyList<T>> ReadPartsAsync<T>(
        CommitRecord commit, string name, BucketScope? scope, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var parts = new List<T>();
        foreach (var file in FilesOf(commit, name, scope))
        {
            using var stream = await OpenAsync(commit, file, cancellationToken).ConfigureAwait(false);
            parts.Add(await read(stream, cancellationToken).ConfigureAwait(false));
        }

        return parts;
    }

    /// <summary>Downloads one file of a commit and checks it against the hash the commit recorded.</summary>
    private async Task<MemoryStream> OpenAsync(CommitRecord commit, CommitFile file, CancellationToken cancellationToken)
    {
        var content = await _lake.Container
            .GetBlobClient(LakePaths.CommitFile(commit.Dataset, commit.Partition, commit.CommitId, file.Name))
            .DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        var bytes = content.Value.Content.ToMemory();
        if (Convert.ToHexStringLower(SHA256.HashData(bytes.Span)) != file.Sha256)
        {
            throw new InvalidDataException(
                $"{commit.Dataset}/{commit.Partition.PathSegment} commit {commit.CommitId}: {file.Name} does not match its recorded hash.");
        }

        return new MemoryStream(bytes.ToArray(), writable: false);
    }
}

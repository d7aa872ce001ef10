using System.Globalization;
using Azure;
using Azure.Storage.Blobs.Models;
using Backfill.Core.Buckets;
using Backfill.Core.Validation;
using Backfill.Storage.Layout;
using Backfill.Storage.Lineage;
using Backfill.Storage.Quarantine;
using Backfill.Storage.Telemetry;

namespace Backfill.Storage.Commits;

/// <summary>
/// Write–audit–publish for a day split into entity buckets, as separate work items that may run on different
/// workers: pin the day's base and inputs once, stage each bucket's files into one commit folder, then publish the
/// day once, after the gate judged the merged read-backs of every bucket. Readers see the old day or the new day,
/// never some buckets: nothing a reader follows names the commit until its manifest does. Every step is
/// idempotent, so a redelivered item (its worker stopped) finds its own writes and carries on.
/// </summary>
public sealed class BucketedCommitter
{
    private const string PinsName = "_pins.json";
    private const string BucketRecordName = "_bucket.json";

    private static readonly string Worker = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}");

    private readonly LakeStorage _lake;
    private readonly ManifestStore _manifests;
    private readonly LineageStore _lineage;
    private readonly QuarantineStore _quarantine;
    private readonly PartitionCommitter _committer;

    /// <summary>Creates a committer.</summary>
    /// <param name="lake">The shared storage handle.</param>
    /// <param name="afterManifestWrite">Called after publish replaced the manifest, before lineage says so (crash drills).</param>
    public BucketedCommitter(LakeStorage lake, Action<CommitRecord>? afterManifestWrite = null)
    {
        ArgumentNullException.ThrowIfNull(lake);
        _lake = lake;
        _manifests = new ManifestStore(lake);
        _lineage = new LineageStore(lake);
        _quarantine = new QuarantineStore(lake);
        _committer = new PartitionCommitter(lake, afterManifestWrite);
    }

    /// <summary>
    /// Pins the day for commit <paramref name="commitId"/>: the live manifest version and the upstream commits.
    /// The first pin of a commit wins; a redelivered call returns it unchanged.
    /// </summary>
    /// <param name="request">The partition, write mode and run.</param>
    /// <param name="commitId">The commit every bucket writes into, chosen by the caller (deterministically on replay).</param>
    /// <param name="buckets">How many buckets the day is split into.</param>
    /// <param name="builder">Names the upstream commits to pin.</param>
    /// <param name="cancellationToken">Cancels the pin.</param>
    /// <returns>The pins of the commit.</returns>
    public async Task<DayPins> PinAsync(
        CommitRequest request, string commitId, BucketCount buckets, IBucketContentBuilder builder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(builder);
        var blob = Blob(request, commitId, PinsName);
        if (await TryReadAsync<DayPins>(blob, cancellationToken).ConfigureAwait(false) is { } pinned)
        {
            return pinned;
        }

        var state = await _manifests.GetAsync(request.Dataset, request.Partition, cancellationToken).ConfigureAwait(false);
        var pins = new DayPins(
            commitId, request.Dataset, request.Partition, buckets.Value, state.ETag?.ToString(), state.Manifest?.Commit, state.Manifest?.PublishedAt,
            state.HistoryAfter(_lake.Settings.KeepPreviousCommits), await builder.PinInputsAsync(cancellationToken).ConfigureAwait(false), _lake.Time.GetUtcNow(),
            await builder.PinLandingAsync(cancellationToken).ConfigureAwait(false));
        return await CreateOnceAsync(blob, pins, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Builds and stages one bucket from the pins: its files in the bucket's folder, then its record with what the
    /// files read back. A bucket already staged is returned as it is; files an interrupted attempt left are kept
    /// when their bytes are the ones this build made.
    /// </summary>
    /// <param name="request">The partition, write mode and run.</param>
    /// <param name="commitId">The pinned commit.</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="builder">Computes the bucket.</param>
    /// <param name="validator">Reads the bucket's files back.</param>
    /// <param name="cancellationToken">Cancels the stage.</param>
    /// <returns>The bucket's record.</returns>
    /// <exception cref="InvalidOperationException">The commit is not pinned.</exception>
    public async Task<BucketRecord> StageBucketAsync(
        CommitRequest request, string commitId, int bucket, IBucketContentBuilder builder, ICommitValidator validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(validator);
        var pins = await PinsAsync(request, commitId, cancellationToken).ConfigureAwait(false);
        var scope = new BucketScope(bucket, BucketCount.Of(pins.Buckets));
        ArgumentOutOfRangeException.ThrowIfNegative(bucket);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bucket, pins.Buckets);
        var recordBlob = Blob(request, pins.CommitId, BucketPaths.File(bucket, BucketRecordName));
        if (await TryReadAsync<BucketRecord>(recordBlob, cancellationToken).ConfigureAwait(false) is { } staged)
        {
            return staged;
        }

        using var span = BackfillTracing.StartCommitStep("commit.stage_bucket", request.Dataset, request.Partition.ToString(), pins.CommitId);
        span?.SetTag(TelemetryTags.Bucket, bucket);
        var started = _lake.Time.GetTimestamp();
        var content = await builder.BuildBucketAsync(pins, request.Mode, scope, cancellationToken).ConfigureAwait(false);
        if (content.Files.Count == 0)
        {
            throw new InvalidOperationException($"The builder of {request.Dataset}/{request.Partition} bucket {bucket} produced no files.");
        }

        var built = _lake.Time.GetTimestamp();
        var files = await Task.WhenAll(content.Files.Select(file => UploadAsync(request, pins.CommitId, bucket, file, cancellationToken))).ConfigureAwait(false);
        if (content.Quarantined.Count > 0)
        {
            // One quarantine file per commit: only one bucket's build quarantines (the builders give malformed lines,
            // which have no entity, to bucket 0).
            await _quarantine.WriteAsync(request.Partition, pins.CommitId, content.Quarantined, cancellationToken).ConfigureAwait(false);
        }

        var view = Record(request, pins, files, content.Quarantined.Count, content.LandedLines, 0, 0);
        var readBack = await validator.ReadBackAsync(view, scope, cancellationToken).ConfigureAwait(false);
        var record = new BucketRecord(
            bucket, files, files[0].RowCount, content.Quarantined.Count, content.LandedLines, readBack,
            Milliseconds(started, built), Milliseconds(built, _lake.Time.GetTimestamp()), Worker);
        return await CreateOnceAsync(recordBlob, record, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Publishes the day: merges the staged buckets into one commit record, judges it on the merged read-backs, and
    /// replaces the manifest only if it is still the pinned version. A missing bucket publishes nothing. A publish
    /// that finds its own commit already live (it was redelivered after the manifest write) reports it published.
    /// </summary>
    /// <param name="request">The partition, write mode and run.</param>
    /// <param name="commitId">The pinned commit.</param>
    /// <param name="validator">Judges the day.</param>
    /// <param name="cancellationToken">Cancels the publish.</param>
    /// <returns>How it ended: published, unchanged, rejected, or conflict when another commit won.</returns>
    /// <exception cref="InvalidOperationException">The commit is not pinned, or a bucket is not staged.</exception>
    /// <exception cref="DayMovedException">The pins are older than half of <see cref="LakeSettings.GarbageRetention"/>.</exception>
    public async Task<CommitResult> PublishAsync(CommitRequest request, string commitId, ICommitValidator validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(validator);
        var pins = await PinsAsync(request, commitId, cancellationToken).ConfigureAwait(false);
        if (_lake.Time.GetUtcNow() - pins.PinnedAt > _lake.Settings.GarbageRetention / 2)
        {
            // The sweep deletes commit folders older than the retention that no manifest names: a day stalled that
            // long may have lost files, so it is built again rather than published with holes.
            throw new DayMovedException(string.Create(
                CultureInfo.InvariantCulture, $"{request.Dataset}/{request.Partition}: commit {commitId} was pinned at {pins.PinnedAt:O}, too long ago to publish"));
        }

        var buckets = await Task.WhenAll(Enumerable.Range(0, pins.Buckets).Select(async bucket =>
            await TryReadAsync<BucketRecord>(Blob(request, pins.CommitId, BucketPaths.File(bucket, BucketRecordName)), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"{request.Dataset}/{request.Partition}: bucket {bucket} of {pins.Buckets} is not staged; nothing is published.")))).ConfigureAwait(false);
        var commit = await CreateOnceAsync(
            Blob(request, pins.CommitId, LakePaths.CommitRecordName),
            Record(
                request, pins, [.. buckets.SelectMany(bucket => bucket.Files)], buckets.Sum(bucket => bucket.QuarantinedCount),
                buckets.Any(bucket => bucket.LandedLines is null) ? null : buckets.Sum(bucket => bucket.LandedLines!.Value),
                buckets.Max(bucket => bucket.BuildMilliseconds), buckets.Max(bucket => bucket.StageMilliseconds)) with { RowCount = buckets.Sum(bucket => bucket.RowCount) },
            cancellationToken).ConfigureAwait(false);

        // Redelivered after the manifest write: the day is published.
        if (await LiveAlreadyAsync(commit, cancellationToken).ConfigureAwait(false) is { } live)
        {
            return new CommitResult(CommitStatus.Published, commit, new PartitionValidationReport(live.Validation ?? []), 1);
        }

        await _lineage.RecordStagedAsync(
            commit,
            [.. buckets.Select(b => new BucketLineage(b.Bucket, b.RowCount, b.Files.Sum(file => file.Bytes), b.BuildMilliseconds, b.StageMilliseconds, b.Worker))],
            cancellationToken).ConfigureAwait(false);
        var staged = new StagedCommit(commit, pins.BaseETag, pins.History, pins.Base, pins.BasePublishedAt);
        LineageRepair? repaired = pins.Base is { } pinnedBase && pins.BasePublishedAt is { } publishedAt
            ? await _lineage.RepairPublishedAsync(pinnedBase, publishedAt, cancellationToken).ConfigureAwait(false)
            : null;
        if (staged.SameAsBase)
        {
            await _lineage.RecordPublishAsync(commit, CommitStatus.Unchanged, 0, null, cancellationToken).ConfigureAwait(false);
            return new CommitResult(CommitStatus.Unchanged, pins.Base!, new PartitionValidationReport([]), 1, repaired);
        }

        var merged = ReadBack.Merge([.. buckets.Select(bucket => bucket.ReadBack)]);
        var validation = await _committer.ValidateAsync(staged, new MergedJudge(validator, merged), cancellationToken).ConfigureAwait(false);
        if (!validation.IsPublishable)
        {
            return new CommitResult(CommitStatus.Rejected, commit, validation, 1, repaired);
        }

        var status = await _committer.PublishAsync(staged, validation, cancellationToken).ConfigureAwait(false);
        // Another delivery of this same publish may have won (the commit id is the orchestration's, not the attempt's).
        if (status == CommitStatus.Conflict && await LiveAlreadyAsync(commit, cancellationToken).ConfigureAwait(false) is not null)
        {
            return new CommitResult(CommitStatus.Published, commit, validation, 1, repaired);
        }

        return new CommitResult(status, commit, validation, 1, repaired);
    }

    // The live manifest when it already names this commit, with its lineage row made to say published (whatever a
    // delivery that stopped, or lost the race, wrote there); null when another commit, or none, is live.
    private async Task<PartitionManifest?> LiveAlreadyAsync(CommitRecord commit, CancellationToken cancellationToken)
    {
        var state = await _manifests.GetAsync(commit.Dataset, commit.Partition, cancellationToken).ConfigureAwait(false);
        if (state.Manifest is not { } live || live.Commit.CommitId != commit.CommitId)
        {
            return null;
        }

        await _lineage.RepairPublishedAsync(live.Commit, live.PublishedAt, cancellationToken).ConfigureAwait(false);
        return live;
    }

    /// <summary>Reads the pins of commit <paramref name="commitId"/>.</summary>
    /// <param name="request">The partition.</param>
    /// <param name="commitId">The pinned commit.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The pins.</returns>
    /// <exception cref="InvalidOperationException">The commit is not pinned.</exception>
    public async Task<DayPins> PinsAsync(CommitRequest request, string commitId, CancellationToken cancellationToken) =>
        await TryReadAsync<DayPins>(Blob(request, commitId, PinsName), cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"{request.Dataset}/{request.Partition}: commit {commitId} is not pinned.");

    private CommitRecord Record(
        CommitRequest request, DayPins pins, CommitFile[] files, int quarantined, long? landed, long buildMilliseconds, long stageMilliseconds)
    {
        var run = request.Run;
        return new CommitRecord(
            pins.CommitId,
            request.Dataset,
            request.Partition,
            request.Mode,
            files,
            files[0].RowCount,
            ContentHash.Of(files),
            quarantined,
            new CommitLineage(
                run.RunId, run.Trigger, run.BackfillId, run.CodeVersion.Value, run.ConfigHash, pins.Inputs, pins.Base?.CommitId,
                buildMilliseconds, stageMilliseconds, run.BaselineAsOf),
            _lake.Time.GetUtcNow(),
            landed,
            pins.Buckets);
    }

    private async Task<CommitFile> UploadAsync(CommitRequest request, string commitId, int bucket, ContentFile file, CancellationToken cancellationToken)
    {
        var name = BucketPaths.File(bucket, file.Name);
        var blob = Blob(request, commitId, name);
        var sha256 = ContentHash.OfBytes(file.Content.Span);
        var metadata = request.MetadataOf(commitId);
        metadata["bucket"] = bucket.ToString(CultureInfo.InvariantCulture);
        try
        {
            await blob.UploadAsync(
                BinaryData.FromBytes(file.Content),
                new BlobUploadOptions
                {
                    Metadata = metadata,
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // An interrupted attempt wrote it. Builds from the same pins are deterministic, so equal bytes are this
            // build's file; different bytes mean the inputs were not what the pins say, and nothing may be mixed.
            var existing = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            if (ContentHash.OfBytes(existing.Value.Content.ToMemory().Span) != sha256)
            {
                throw new InvalidDataException($"{request.Dataset}/{request.Partition} commit {commitId}: {name} exists with other content.", ex);
            }
        }

        return new CommitFile(name, file.RowCount, file.Content.Length, sha256, file.Schema);
    }

    // Writes a record once: when it exists (a redelivered step wrote it), the existing one is the truth.
    private static async Task<T> CreateOnceAsync<T>(Azure.Storage.Blobs.BlobClient blob, T value, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            await blob.UploadAsync(
                LakeJson.Serialize(value), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken)
                .ConfigureAwait(false);
            return value;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await TryReadAsync<T>(blob, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"{blob.Name} exists but cannot be read.", ex);
        }
    }

    private static async Task<T?> TryReadAsync<T>(Azure.Storage.Blobs.BlobClient blob, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return LakeJson.Deserialize<T>((await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private Azure.Storage.Blobs.BlobClient Blob(CommitRequest request, string commitId, string name) =>
        _lake.Container.GetBlobClient(LakePaths.CommitFile(request.Dataset, request.Partition, commitId, name));

    private long Milliseconds(long from, long to) => (long)_lake.Time.GetElapsedTime(from, to).TotalMilliseconds;

    // The gate of a bucketed day: judges on the buckets' merged read-backs, so it reads no data file.
    private sealed class MergedJudge(ICommitValidator inner, ReadBack merged) : ICommitValidator
    {
        public Task<PartitionValidationReport> ValidateAsync(StagedCommit staged, CancellationToken cancellationToken) =>
            inner.JudgeAsync(staged.Commit, merged, cancellationToken);

        public Task<ReadBack> ReadBackAsync(CommitRecord bucket, BucketScope scope, CancellationToken cancellationToken) =>
            inner.ReadBackAsync(bucket, scope, cancellationToken);

        public Task<PartitionValidationReport> JudgeAsync(CommitRecord commit, ReadBack readBack, CancellationToken cancellationToken) =>
            inner.JudgeAsync(commit, readBack, cancellationToken);
    }
}

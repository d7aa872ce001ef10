using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Backfill.Core.Validation;
using Backfill.Storage.Layout;
using Backfill.Storage.Lineage;
using Backfill.Storage.Quarantine;
using Backfill.Storage.Telemetry;

namespace Backfill.Storage.Commits;

/// <summary>
/// Write–audit–publish for one partition: stage a commit in its own folder, let a validator see it, then publish
/// it by replacing the manifest conditionally. A crash at any point leaves the live partition as it was.
/// </summary>
public sealed class PartitionCommitter
{
    private readonly LakeStorage _lake;
    private readonly ManifestStore _manifests;
    private readonly LineageStore _lineage;
    private readonly QuarantineStore _quarantine;
    private readonly Action<CommitRecord>? _afterManifestWrite;

    /// <summary>Creates a committer.</summary>
    /// <param name="lake">The shared storage handle.</param>
    /// <param name="afterManifestWrite">
    /// Called after a publish replaced the manifest and before its lineage row says so: the crash drills stop the
    /// process here, in the one window where the live partition and its record disagree. Null outside drills.
    /// </param>
    public PartitionCommitter(LakeStorage lake, Action<CommitRecord>? afterManifestWrite = null)
    {
        ArgumentNullException.ThrowIfNull(lake);
        _lake = lake;
        _afterManifestWrite = afterManifestWrite;
        _manifests = new ManifestStore(lake);
        _lineage = new LineageStore(lake);
        _quarantine = new QuarantineStore(lake);
    }

    /// <summary>
    /// Stages, validates and publishes. A merge that loses the publish race re-reads the base and tries again, up
    /// to <see cref="LakeSettings.MaxMergeAttempts"/> times; an overwrite that loses reports
    /// <see cref="CommitStatus.Conflict"/>, never overwriting the winner. A live commit whose lineage row does not
    /// say published (its publisher stopped between the two writes) has its row repaired on the way.
    /// </summary>
    /// <param name="request">The partition, write mode and run.</param>
    /// <param name="builder">Computes the content; called once per attempt.</param>
    /// <param name="validator">Sees each staged commit before publish.</param>
    /// <param name="cancellationToken">Cancels the commit; the live partition is unchanged unless publish happened.</param>
    /// <returns>How it ended.</returns>
    public async Task<CommitResult> CommitAsync(
        CommitRequest request, IPartitionContentBuilder builder, ICommitValidator validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var attempts = request.Mode == WriteMode.Merge ? _lake.Settings.MaxMergeAttempts : 1;
        LineageRepair? repaired = null;
        for (var attempt = 1; ; attempt++)
        {
            var staged = await StageAsync(request, builder, cancellationToken).ConfigureAwait(false);
            if (staged.Base is { } live && staged.BasePublishedAt is { } publishedAt)
            {
                repaired = await _lineage.RepairPublishedAsync(live, publishedAt, cancellationToken).ConfigureAwait(false) ?? repaired;
            }

            if (staged.SameAsBase)
            {
                await _lineage.RecordPublishAsync(staged.Commit, CommitStatus.Unchanged, 0, null, cancellationToken).ConfigureAwait(false);
                return new CommitResult(CommitStatus.Unchanged, staged.Base!, new PartitionValidationReport([]), attempt, repaired);
            }

            var validation = await ValidateAsync(staged, validator, cancellationToken).ConfigureAwait(false);
            if (!validation.IsPublishable)
            {
                return new CommitResult(CommitStatus.Rejected, staged.Commit, validation, attempt, repaired);
            }

            var status = await PublishAsync(staged, validation, cancellationToken).ConfigureAwait(false);
            if (status == CommitStatus.Published || attempt >= attempts)
            {
                return new CommitResult(status, staged.Commit, validation, attempt, repaired);
            }
        }
    }

    /// <summary>
    /// Builds the content against the live manifest and uploads it into a new commit folder, with blob metadata on
    /// every data file and a staged lineage row. Nothing a reader sees changes.
    /// </summary>
    /// <param name="request">The partition, write mode and run.</param>
    /// <param name="builder">Computes the content.</param>
    /// <param name="cancellationToken">Cancels the stage.</param>
    /// <returns>The staged commit, pinned to the manifest version it was built against.</returns>
    public async Task<StagedCommit> StageAsync(
        CommitRequest request, IPartitionContentBuilder builder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(builder);
        using var span = BackfillTracing.StartCommitStep("commit.stage", request.Dataset, request.Partition.ToString(), null);
        var started = _lake.Time.GetTimestamp();
        var state = await _manifests.GetAsync(request.Dataset, request.Partition, cancellationToken).ConfigureAwait(false);
        var live = state.Manifest?.Commit;
        var content = await builder.BuildAsync(live, request.Mode, cancellationToken).ConfigureAwait(false);
        if (content.Files.Count == 0)
        {
            throw new InvalidOperationException($"The builder of {request.Dataset}/{request.Partition} produced no files.");
        }

        var built = _lake.Time.GetTimestamp();
        var commitId = Guid.CreateVersion7(_lake.Time.GetUtcNow()).ToString("N", CultureInfo.InvariantCulture);
        span?.SetTag(TelemetryTags.CommitId, commitId);
        var files = await Task.WhenAll(content.Files.Select(file => UploadAsync(request, commitId, file, cancellationToken)))
            .ConfigureAwait(false);
        if (content.Quarantined.Count > 0)
        {
            await _quarantine.WriteAsync(request.Partition, commitId, content.Quarantined, cancellationToken).ConfigureAwait(false);
        }

        var run = request.Run;
        var commit = new CommitRecord(
            commitId,
            request.Dataset,
            request.Partition,
            request.Mode,
            files,
            files[0].RowCount,
            ContentHash.Of(files),
            content.Quarantined.Count,
            new CommitLineage(
                run.RunId, run.Trigger, run.BackfillId, run.CodeVersion.Value, run.ConfigHash, content.Inputs,
                live?.CommitId, Milliseconds(started, built), Milliseconds(built, _lake.Time.GetTimestamp()), run.BaselineAsOf),
            _lake.Time.GetUtcNow(),
            content.LandedLines);
        await _lake.Container.GetBlobClient(LakePaths.CommitFile(request.Dataset, request.Partition, commitId, LakePaths.CommitRecordName))
            .UploadAsync(LakeJson.Serialize(commit), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken)
            .ConfigureAwait(false);
        await _lineage.RecordStagedAsync(commit, null, cancellationToken).ConfigureAwait(false);
        return new StagedCommit(commit, state.ETag?.ToString(), state.HistoryAfter(_lake.Settings.KeepPreviousCommits), live, state.Manifest?.PublishedAt);
    }

    /// <summary>Runs the validator on a staged commit and records its outcome in lineage.</summary>
    /// <param name="staged">The staged commit.</param>
    /// <param name="validator">The validator.</param>
    /// <param name="cancellationToken">Cancels the validation.</param>
    /// <returns>Every check's result.</returns>
    public async Task<PartitionValidationReport> ValidateAsync(
        StagedCommit staged, ICommitValidator validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        ArgumentNullException.ThrowIfNull(validator);
        using var span = BackfillTracing.StartCommitStep(
            "commit.validate", staged.Commit.Dataset, staged.Commit.Partition.ToString(), staged.Commit.CommitId);
        var started = _lake.Time.GetTimestamp();
        var validation = await validator.ValidateAsync(staged, cancellationToken).ConfigureAwait(false);
        span?.SetTag(TelemetryTags.Status, JsonNamingPolicy.CamelCase.ConvertName(validation.Status.ToString()));
        await _lineage.RecordValidationAsync(
            staged.Commit, validation, Milliseconds(started, _lake.Time.GetTimestamp()), cancellationToken).ConfigureAwait(false);
        return validation;
    }

    /// <summary>
    /// Makes a staged commit live by replacing the manifest, only if the manifest is still the version the commit
    /// was built against.
    /// </summary>
    /// <param name="staged">The staged commit.</param>
    /// <param name="cancellationToken">Cancels the publish.</param>
    /// <returns><see cref="CommitStatus.Published"/>, or <see cref="CommitStatus.Conflict"/> when another commit won.</returns>
    public Task<CommitStatus> PublishAsync(StagedCommit staged, CancellationToken cancellationToken) =>
        PublishAsync(staged, new PartitionValidationReport([]), cancellationToken);

    /// <summary>
    /// Makes a staged commit live by replacing the manifest, only if the manifest is still the version the commit
    /// was built against; the manifest carries the validation results the commit passed with.
    /// </summary>
    /// <param name="staged">The staged commit.</param>
    /// <param name="validation">What validation said about it, stored in the manifest.</param>
    /// <param name="cancellationToken">Cancels the publish.</param>
    /// <returns><see cref="CommitStatus.Published"/>, or <see cref="CommitStatus.Conflict"/> when another commit won.</returns>
    public async Task<CommitStatus> PublishAsync(
        StagedCommit staged, PartitionValidationReport validation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        ArgumentNullException.ThrowIfNull(validation);
        using var span = BackfillTracing.StartCommitStep(
            "commit.publish", staged.Commit.Dataset, staged.Commit.Partition.ToString(), staged.Commit.CommitId);
        var started = _lake.Time.GetTimestamp();
        var manifest = new PartitionManifest(staged.Commit, staged.History, _lake.Time.GetUtcNow(), validation.Results);
        var expected = staged.BaseETag is { } etag ? new ETag(etag) : (ETag?)null;
        var status = await _manifests.TryReplaceAsync(manifest, expected, cancellationToken).ConfigureAwait(false)
            ? CommitStatus.Published
            : CommitStatus.Conflict;
        span?.SetTag(TelemetryTags.Outcome, JsonNamingPolicy.CamelCase.ConvertName(status.ToString()));
        if (status == CommitStatus.Published)
        {
            _afterManifestWrite?.Invoke(staged.Commit);
        }

        await _lineage.RecordPublishAsync(
            staged.Commit, status, Milliseconds(started, _lake.Time.GetTimestamp()), manifest.PublishedAt, cancellationToken).ConfigureAwait(false);
        return status;
    }

    private async Task<CommitFile> UploadAsync(CommitRequest request, string commitId, ContentFile file, CancellationToken cancellationToken)
    {
        var blob = _lake.Container.GetBlobClient(LakePaths.CommitFile(request.Dataset, request.Partition, commitId, file.Name));
        await blob.UploadAsync(
            BinaryData.FromBytes(file.Content),
            new BlobUploadOptions
            {
                Metadata = request.MetadataOf(commitId),
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            },
            cancellationToken).ConfigureAwait(false);
        return new CommitFile(file.Name, file.RowCount, file.Content.Length, ContentHash.OfBytes(file.Content.Span), file.Schema);
    }

    private long Milliseconds(long from, long to) => (long)_lake.Time.GetElapsedTime(from, to).TotalMilliseconds;
}

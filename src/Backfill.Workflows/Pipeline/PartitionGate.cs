using Backfill.Core.Buckets;
using Backfill.Core.Validation;
using Backfill.Storage.Commits;
using Backfill.Storage.Validation;
using Backfill.Workflows.Hosting;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Pipeline;

/// <summary>
/// The checks every staged commit passes before it may be published (<see cref="PartitionValidator"/>), with each
/// dataset's thresholds from the <c>Validation</c> settings. A fail keeps the previous commit live.
/// </summary>
public sealed class PartitionGate(LakeReady lakeReady, IOptions<ValidationSettings> settings) : ICommitValidator
{
    /// <inheritdoc />
    public async Task<PartitionValidationReport> ValidateAsync(StagedCommit staged, CancellationToken cancellationToken) =>
        await (await ValidatorAsync().ConfigureAwait(false)).ValidateAsync(staged, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<ReadBack> ReadBackAsync(CommitRecord bucket, BucketScope scope, CancellationToken cancellationToken) =>
        await (await ValidatorAsync().ConfigureAwait(false)).ReadBackAsync(bucket, scope, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<PartitionValidationReport> JudgeAsync(CommitRecord commit, ReadBack readBack, CancellationToken cancellationToken) =>
        await (await ValidatorAsync().ConfigureAwait(false)).JudgeAsync(commit, readBack, cancellationToken).ConfigureAwait(false);

    private async Task<PartitionValidator> ValidatorAsync() => new(await lakeReady.GetAsync().ConfigureAwait(false), settings.Value.ThresholdsFor);
}

using Backfill.Core.Buckets;
using Backfill.Core.Validation;
using Backfill.Storage.Commits;

namespace Backfill.Storage.Tests.Support;

/// <summary>Validates every staged commit (whole, or bucketed and judged on its merged read-backs) with the same results, so tests can see them stored.</summary>
internal sealed class FixedValidator(params ValidationResult[] results) : ICommitValidator
{
    public Task<PartitionValidationReport> ValidateAsync(StagedCommit staged, CancellationToken cancellationToken) =>
        Task.FromResult(new PartitionValidationReport(results));

    public Task<ReadBack> ReadBackAsync(CommitRecord bucket, BucketScope scope, CancellationToken cancellationToken) =>
        PassingValidator.Instance.ReadBackAsync(bucket, scope, cancellationToken);

    public Task<PartitionValidationReport> JudgeAsync(CommitRecord commit, ReadBack readBack, CancellationToken cancellationToken) =>
        Task.FromResult(new PartitionValidationReport(results));
}

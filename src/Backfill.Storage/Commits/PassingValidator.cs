using Backfill.Core.Buckets;
using Backfill.Core.Validation;

namespace Backfill.Storage.Commits;

/// <summary>A validator that runs no checks, for datasets that have none.</summary>
public sealed class PassingValidator : ICommitValidator
{
    private static readonly PartitionValidationReport NoChecks = new([]);

    /// <summary>Gets the shared instance.</summary>
    public static PassingValidator Instance { get; } = new();

    /// <inheritdoc />
    public Task<PartitionValidationReport> ValidateAsync(StagedCommit staged, CancellationToken cancellationToken) =>
        Task.FromResult(NoChecks);

    /// <inheritdoc />
    public Task<ReadBack> ReadBackAsync(CommitRecord bucket, BucketScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        return Task.FromResult(new ReadBack(
            new ValidationResult(ValidationCheckNames.Schema, null, ValidationStatus.Pass, 0, 0, "Not checked."), bucket.RowCount, null, null, null, null, null));
    }

    /// <inheritdoc />
    public Task<PartitionValidationReport> JudgeAsync(CommitRecord commit, ReadBack readBack, CancellationToken cancellationToken) =>
        Task.FromResult(NoChecks);
}

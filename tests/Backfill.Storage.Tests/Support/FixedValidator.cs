using Backfill.Core.Validation;
using Backfill.Storage.Commits;

namespace Backfill.Storage.Tests.Support;

/// <summary>Validates every staged commit with the same results, so tests can see them stored.</summary>
internal sealed class FixedValidator(params ValidationResult[] results) : ICommitValidator
{
    public Task<PartitionValidationReport> ValidateAsync(StagedCommit staged, CancellationToken cancellationToken) =>
        Task.FromResult(new PartitionValidationReport(results));
}

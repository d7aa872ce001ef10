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
}

using Backfill.Core.Validation;

namespace Backfill.Storage.Commits;

/// <summary>The validation hook: sees each staged commit before publish and can stop it.</summary>
public interface ICommitValidator
{
    /// <summary>Validates a staged commit; its files can be read through <c>PartitionReader</c>.</summary>
    /// <param name="staged">The staged, not yet published commit.</param>
    /// <param name="cancellationToken">Cancels the validation.</param>
    /// <returns>Every check's result; a failed check keeps the commit from being published.</returns>
    Task<PartitionValidationReport> ValidateAsync(StagedCommit staged, CancellationToken cancellationToken);
}

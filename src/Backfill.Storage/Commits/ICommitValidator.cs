using Backfill.Core.Buckets;
using Backfill.Core.Validation;

namespace Backfill.Storage.Commits;

/// <summary>
/// The validation hook: sees each staged commit before publish and can stop it. A whole-day commit is validated in
/// one call; a bucketed one is read back bucket by bucket where each bucket is written, then judged once on the
/// merged read-backs, so no work item reads the whole day.
/// </summary>
public interface ICommitValidator
{
    /// <summary>Validates a staged commit; its files can be read through <c>PartitionReader</c>.</summary>
    /// <param name="staged">The staged, not yet published commit.</param>
    /// <param name="cancellationToken">Cancels the validation.</param>
    /// <returns>Every check's result; a failed check keeps the commit from being published.</returns>
    Task<PartitionValidationReport> ValidateAsync(StagedCommit staged, CancellationToken cancellationToken);

    /// <summary>Reads one bucket's staged files back: the data half of validation.</summary>
    /// <param name="bucket">A record of the commit whose files are the bucket's.</param>
    /// <param name="scope">The bucket.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>What the files read back.</returns>
    Task<ReadBack> ReadBackAsync(CommitRecord bucket, BucketScope scope, CancellationToken cancellationToken);

    /// <summary>Judges a staged commit on what its files read back (merged over its buckets).</summary>
    /// <param name="commit">The staged commit.</param>
    /// <param name="readBack">What its files read back.</param>
    /// <param name="cancellationToken">Cancels the judgement's baseline reads.</param>
    /// <returns>Every check's result.</returns>
    Task<PartitionValidationReport> JudgeAsync(CommitRecord commit, ReadBack readBack, CancellationToken cancellationToken);
}

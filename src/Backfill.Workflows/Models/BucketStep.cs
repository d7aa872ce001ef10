namespace Backfill.Workflows.Models;

/// <summary>One step of a day split into entity buckets: pin the day, stage one bucket, or publish the day.</summary>
/// <param name="Kind">Which step.</param>
/// <param name="CommitId">The commit every step of the day writes into, chosen by the orchestration.</param>
/// <param name="Bucket">The bucket a stage step builds; 0 for the others.</param>
public sealed record BucketStep(BucketStepKind Kind, string CommitId, int Bucket = 0);

using Backfill.Core.Validation;

namespace Backfill.Storage.Commits;

/// <summary>
/// One staged bucket of a bucketed commit: its files and what they read back. Written as <c>_bucket.json</c> in the
/// bucket's folder after its files, so its presence means the bucket is complete; publish merges these records.
/// </summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="Files">Its files, named inside the commit folder (<c>bucket=007/features.parquet</c>).</param>
/// <param name="RowCount">Rows of the bucket: its first file's.</param>
/// <param name="QuarantinedCount">Malformed lines quarantined with this bucket.</param>
/// <param name="LandedLines">For raw, the landed lines this bucket accounts for; null otherwise.</param>
/// <param name="ReadBack">What its files read back, for the day's gate.</param>
/// <param name="BuildMilliseconds">Time to read its inputs and compute.</param>
/// <param name="StageMilliseconds">Time to upload its files.</param>
/// <param name="Worker">The process that built it (<c>machine/pid</c>): buckets of one day run on any worker.</param>
public sealed record BucketRecord(
    int Bucket,
    IReadOnlyList<CommitFile> Files,
    long RowCount,
    int QuarantinedCount,
    long? LandedLines,
    ReadBack ReadBack,
    long BuildMilliseconds,
    long StageMilliseconds,
    string Worker);

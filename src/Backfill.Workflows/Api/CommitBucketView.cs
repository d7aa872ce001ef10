namespace Backfill.Workflows.Api;

/// <summary>One bucket of a commit split into entity buckets, as its day's lineage row records it.</summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="Rows">Its rows.</param>
/// <param name="Bytes">The size of its files.</param>
/// <param name="BuildMs">Time to read its inputs and compute.</param>
/// <param name="StageMs">Time to upload its files.</param>
/// <param name="Worker">The process that built it (<c>machine/pid</c>): a day's buckets run on any worker.</param>
public sealed record CommitBucketView(int Bucket, long Rows, long Bytes, long BuildMs, long StageMs, string Worker);

namespace Backfill.Storage.Lineage;

/// <summary>One bucket of a commit split into entity buckets, on its day's lineage row: which worker built it, and what it wrote.</summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="RowCount">Its rows.</param>
/// <param name="Bytes">The size of its files.</param>
/// <param name="BuildMilliseconds">Time to read its inputs and compute.</param>
/// <param name="StageMilliseconds">Time to upload its files.</param>
/// <param name="Worker">The process that built it (<c>machine/pid</c>).</param>
public sealed record BucketLineage(int Bucket, long RowCount, long Bytes, long BuildMilliseconds, long StageMilliseconds, string Worker);

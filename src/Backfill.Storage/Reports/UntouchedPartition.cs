using Backfill.Core.Partitions;
using Backfill.Core.Reports;

namespace Backfill.Storage.Reports;

/// <summary>A partition in the report's context range that the backfill did not publish, with the proof of what it is now.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Partition">The partition's day.</param>
/// <param name="Verdict">Unchanged since the backfill started, changed since (by another run), or missing.</param>
/// <param name="Evidence">Its manifest's commit id, ETag, Last-Modified and publish time; null when it has no manifest.</param>
public sealed record UntouchedPartition(string Dataset, Day Partition, UntouchedVerdict Verdict, ManifestEvidence? Evidence);

using Backfill.Core.Partitions;

namespace Backfill.Core.Pointers;

/// <summary>A partition that is committed but may not be flipped to, and why.</summary>
/// <param name="Day">The partition's day.</param>
/// <param name="Reason">Why it does not count as committed and validated.</param>
public sealed record FailedPartition(Day Day, string Reason);

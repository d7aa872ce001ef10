using Backfill.Core.Partitions;
using Backfill.Core.Planning;

namespace Backfill.Core.Tests.Planning;

/// <summary>A request over a random lake: each partition the request names is committed, failed, missing or stale.</summary>
/// <param name="Request">The days, layers, dependencies and order.</param>
/// <param name="Mode">The reprocess mode.</param>
/// <param name="States">The state of each requested partition.</param>
public sealed record LakeCase(PlanCase Request, ReprocessMode Mode, IReadOnlyDictionary<WorkItem, PartitionState> States)
{
    /// <summary>Names the inputs so a failing case can be reproduced by hand.</summary>
    public override string ToString() =>
        $"{Request}, mode={Mode}, states={string.Join(' ', States.OrderBy(s => s.Key.Layer).ThenBy(s => s.Key.Partition).Select(s => $"{s.Key}={s.Value}"))}";
}

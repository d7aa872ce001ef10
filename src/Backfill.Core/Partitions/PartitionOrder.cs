namespace Backfill.Core.Partitions;

/// <summary>The order in which a plan takes days whose work items do not depend on each other.</summary>
public enum PartitionOrder
{
    /// <summary>Earliest day first.</summary>
    Ascending,

    /// <summary>Latest day first, so the days readers care most about are rebuilt soonest.</summary>
    Descending,
}

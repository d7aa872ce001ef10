namespace Backfill.Storage.Reports;

/// <summary>What a published partition's deltas were computed against.</summary>
public enum DeltaBasis
{
    /// <summary>The partition's first commit: there was nothing before it.</summary>
    New,

    /// <summary>The commit it superseded, read from its files.</summary>
    Previous,

    /// <summary>The commit it superseded is gone (collected): only its row count, from lineage, is known.</summary>
    Collected,

    /// <summary>Not read: the report computes deltas for at most <see cref="RepairReportReader.MaxDeltaPartitions"/> partitions.</summary>
    Omitted,
}

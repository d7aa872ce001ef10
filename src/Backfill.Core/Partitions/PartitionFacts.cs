namespace Backfill.Core.Partitions;

/// <summary>What is known about one partition, gathered from its manifest, lineage and backfills.</summary>
/// <param name="CommittedAt">When its live commit was published; null when it has none.</param>
/// <param name="Running">Whether a backfill's work item is building it now.</param>
/// <param name="FailedAt">When its latest failed attempt ended (rejected commit or failed work item); null when none.</param>
/// <param name="ChangedInputs">How many inputs of its live commit are no longer live upstream.</param>
public sealed record PartitionFacts(DateTimeOffset? CommittedAt, bool Running, DateTimeOffset? FailedAt, int ChangedInputs);

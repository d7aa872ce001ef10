using Backfill.Core.Lineage;

namespace Backfill.Core.Partitions;

/// <summary>Classifies partitions from their facts, and finds the inputs that changed under a commit.</summary>
public static class PartitionStates
{
    /// <summary>
    /// The state of a partition. Running wins (the grid should show work in flight); a failure counts only when it
    /// is newer than the live commit, since a later successful publish repaired it; stale needs a live commit.
    /// </summary>
    /// <param name="facts">The partition's facts.</param>
    /// <returns>The state.</returns>
    public static PartitionState Classify(PartitionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Running)
        {
            return PartitionState.Running;
        }

        if (facts.FailedAt is { } failed && (facts.CommittedAt is not { } committed || failed > committed))
        {
            return PartitionState.Failed;
        }

        if (facts.CommittedAt is null)
        {
            return PartitionState.Missing;
        }

        return facts.ChangedInputs > 0 ? PartitionState.Stale : PartitionState.Committed;
    }

    /// <summary>
    /// The inputs a commit read whose upstream partition now has another live commit (or none): the commit was built
    /// from data that is no longer what the lake serves.
    /// </summary>
    /// <param name="inputs">The commit's recorded inputs.</param>
    /// <param name="liveCommitOf">The live commit id of an upstream partition, or null when it has none.</param>
    /// <returns>The changed inputs, in the order recorded.</returns>
    public static IReadOnlyList<InputCommit> ChangedInputs(
        IEnumerable<InputCommit> inputs, Func<string, Day, string?> liveCommitOf)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(liveCommitOf);
        return [.. inputs.Where(input => !string.Equals(liveCommitOf(input.Dataset, input.Partition), input.CommitId, StringComparison.Ordinal))];
    }
}

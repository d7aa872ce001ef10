using Backfill.Core.Lineage;
using Backfill.Core.Partitions;

namespace Backfill.Core.Tests.Partitions;

public sealed class PartitionStatesTests
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Classify_NothingKnown_IsMissing()
    {
        Assert.Equal(PartitionState.Missing, PartitionStates.Classify(new PartitionFacts(null, false, null, 0)));
    }

    [Fact]
    public void Classify_LiveCommitWithUnchangedInputs_IsCommitted()
    {
        Assert.Equal(PartitionState.Committed, PartitionStates.Classify(new PartitionFacts(Noon, false, null, 0)));
    }

    [Fact]
    public void Classify_LiveCommitWithChangedInput_IsStale()
    {
        Assert.Equal(PartitionState.Stale, PartitionStates.Classify(new PartitionFacts(Noon, false, null, 1)));
    }

    [Fact]
    public void Classify_FailureAfterLiveCommit_IsFailed()
    {
        Assert.Equal(PartitionState.Failed, PartitionStates.Classify(new PartitionFacts(Noon, false, Noon.AddMinutes(1), 0)));
    }

    [Fact]
    public void Classify_FailureWithoutAnyCommit_IsFailed()
    {
        Assert.Equal(PartitionState.Failed, PartitionStates.Classify(new PartitionFacts(null, false, Noon, 0)));
    }

    [Fact]
    public void Classify_FailureRepairedByLaterCommit_IsCommitted()
    {
        Assert.Equal(PartitionState.Committed, PartitionStates.Classify(new PartitionFacts(Noon, false, Noon.AddMinutes(-1), 0)));
    }

    [Fact]
    public void Classify_RunningOverFailedStalePartition_IsRunning()
    {
        Assert.Equal(PartitionState.Running, PartitionStates.Classify(new PartitionFacts(Noon, true, Noon.AddHours(1), 2)));
    }

    [Fact]
    public void ChangedInputs_UpstreamRebuiltOrGone_ReturnsThoseInputsOnly()
    {
        var day = Day.Parse("2025-03-03");
        var live = new Dictionary<(string, Day), string>
        {
            [("raw", day)] = "new-raw",
            [("staging", day.AddDays(-1))] = "same",
        };
        InputCommit[] inputs =
        [
            new("raw", day, "old-raw"),
            new("staging", day.AddDays(-1), "same"),
            new("staging", day.AddDays(-2), "vanished"),
        ];

        var changed = PartitionStates.ChangedInputs(inputs, (dataset, partition) => live.GetValueOrDefault((dataset, partition)));

        Assert.Equal([inputs[0], inputs[2]], changed);
    }
}

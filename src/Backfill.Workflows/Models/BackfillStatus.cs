namespace Backfill.Workflows.Models;

/// <summary>A backfill's status as the API reports it.</summary>
public enum BackfillStatus
{
    /// <summary>Accepted, not started.</summary>
    Pending,

    /// <summary>Work items are running.</summary>
    Running,

    /// <summary>Stopped starting work until resumed (e.g. the code version changed).</summary>
    Paused,

    /// <summary>Cancel requested; in-flight items are finishing.</summary>
    Canceling,

    /// <summary>Canceled; items not started stay pending.</summary>
    Canceled,

    /// <summary>Every item succeeded or was skipped.</summary>
    Completed,

    /// <summary>Finished, with failed or blocked items.</summary>
    CompletedWithFailures,

    /// <summary>Stopped by failFast, or the orchestration itself failed.</summary>
    Failed,

    /// <summary>Refused: another run claims some of the partitions it writes.</summary>
    Rejected,

    /// <summary>Force-stopped by an operator: its claims and activity slots were freed at once; the items in flight were cut off.</summary>
    Terminated,
}

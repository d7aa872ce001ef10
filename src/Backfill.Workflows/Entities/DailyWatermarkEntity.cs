using Backfill.Core.Daily;
using Backfill.Workflows.Models;
using Backfill.Workflows.Telemetry;
using Microsoft.DurableTask.Entities;

namespace Backfill.Workflows.Entities;

/// <summary>
/// The durable watermark of the daily run, one per feature version it maintains. An entity rather than a
/// table row: the orchestration reads and updates it deterministically (no activity, no ETag retry loop), and
/// operations run one at a time, so two runs can never advance it from the same stale value.
/// </summary>
public sealed class DailyWatermarkEntity : TaskEntity<DailyWatermarkState>
{
    /// <summary>The state.</summary>
    public DailyWatermarkState Get() => State;

    /// <summary>
    /// Records a finished run: advances the watermark over contiguous committed days only (a failed day stays a
    /// gap), keeps days committed beyond a gap, dequeues repaired days and queues newly found ones.
    /// </summary>
    public DailyWatermarkState Commit(DailyCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var committed = State.CommittedDays.Concat(commit.CommittedDays).ToHashSet();
        State.Watermark = Watermark.AdvanceCommitted(State.Watermark, committed);
        State.CommittedDays = [.. committed.Where(day => State.Watermark is not { } w || day > w).Order()];
        State.PendingRepairs = [.. State.PendingRepairs.Except(commit.RepairedDays).Union(commit.QueuedRepairs).Order()];
        State.LastRunAsOf = State.LastRunAsOf is { } last && last > commit.AsOf ? last : commit.AsOf;
        if (commit.Scheduled is { } scheduled && State.Watermark is { } watermark)
        {
            // A gauge holds the latest value, so an operation the engine runs again after a crash sets the same one.
            BackfillTelemetry.WatermarkLagged(Context.Id.Key, scheduled.Date.DayNumber - watermark.Date.DayNumber);
        }

        return State;
    }

    /// <inheritdoc />
    protected override DailyWatermarkState InitializeState(TaskEntityOperation entityOperation) => new();
}

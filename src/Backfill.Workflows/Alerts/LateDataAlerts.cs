using Backfill.Core.Partitions;
using Backfill.Storage.Alerts;

namespace Backfill.Workflows.Alerts;

/// <summary>The alert of a run, daily or backfill, whose late-data bookkeeping failed.</summary>
public static class LateDataAlerts
{
    /// <summary>Late-data metrics could not be recorded (the failure was swallowed so the run goes on).</summary>
    public static AlertRequest Unrecorded(Day day, string what, string error, string runId) => new(
        AlertSeverity.Warning, AlertKinds.LateDataUnrecorded, $"{AlertKinds.LateDataUnrecorded}:{day}:{what}",
        $"Could not record {what} for {day}; the next build of the day tries again: {error}", Partition: day.ToString(), RunId: runId);
}

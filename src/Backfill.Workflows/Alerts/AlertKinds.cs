namespace Backfill.Workflows.Alerts;

/// <summary>The stable <c>kind</c> values of alerts, as stored and returned by the API.</summary>
public static class AlertKinds
{
    /// <summary>A staged commit failed validation and was not published.</summary>
    public const string ValidationFailed = "validation_failed";

    /// <summary>A partition's manifest was rolled back to an earlier commit on request.</summary>
    public const string PartitionRollback = "partition_rollback";

    /// <summary>A daily run ended <c>completedWithFailures</c>; keyed by the oldest day it could not commit.</summary>
    public const string DailyRunFailed = "daily_run_failed";

    /// <summary>A feature version's committed watermark trails the scheduled one by <c>Alerts:WatermarkStallDays</c> or more.</summary>
    public const string WatermarkStalled = "watermark_stalled";

    /// <summary>A backfill item failed after its last retry.</summary>
    public const string ItemFailed = "item_failed";

    /// <summary>A backfill paused because the code version changed under it.</summary>
    public const string BackfillPaused = "backfill_paused";

    /// <summary>A flip was refused: the target version was incomplete or failed its canary.</summary>
    public const string FlipRefused = "flip_refused";

    /// <summary>Events landed for a closed day after its watermark passed (beyond the arrival window).</summary>
    public const string LateBeyondWatermark = "late_beyond_watermark";

    /// <summary>The late-data scan or a day's late-data metrics could not be recorded; the next run tries again.</summary>
    public const string LateDataUnrecorded = "late_data_unrecorded";
}

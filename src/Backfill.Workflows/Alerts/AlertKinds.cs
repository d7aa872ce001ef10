namespace Backfill.Workflows.Alerts;

/// <summary>The stable <c>kind</c> values of alerts, as stored and returned by the API.</summary>
public static class AlertKinds
{
    /// <summary>A staged commit failed validation and was not published.</summary>
    public const string ValidationFailed = "validation_failed";

    /// <summary>A partition's manifest was rolled back to an earlier commit on request.</summary>
    public const string PartitionRollback = "partition_rollback";
}

namespace Backfill.Storage.Telemetry;

/// <summary>Tag keys shared by every span and metric, so a span and a measurement of one item match by name.</summary>
public static class TelemetryTags
{
    /// <summary>The run: the backfill's or the daily run's orchestration instance id.</summary>
    public const string RunId = "backfill.run_id";

    /// <summary>What started the run: <c>backfill</c>, <c>daily</c>, <c>catchup</c>, <c>rolling</c> or <c>repair</c>.</summary>
    public const string Trigger = "backfill.trigger";

    /// <summary>The layer: <c>raw</c>, <c>staging</c> or <c>features</c>.</summary>
    public const string Layer = "backfill.layer";

    /// <summary>The dataset, e.g. <c>features_v2</c>.</summary>
    public const string Dataset = "backfill.dataset";

    /// <summary>The partition's day, <c>YYYY-MM-DD</c>.</summary>
    public const string Partition = "backfill.partition";

    /// <summary>The commit a span staged, validated or published.</summary>
    public const string CommitId = "backfill.commit_id";

    /// <summary>The entity bucket a span staged, for a day split into buckets.</summary>
    public const string Bucket = "backfill.bucket";

    /// <summary>The attempt at a work item, 1 for the first.</summary>
    public const string Attempt = "backfill.attempt";

    /// <summary>A validation check's name, e.g. <c>row_count_bounds</c>.</summary>
    public const string Check = "backfill.check";

    /// <summary>A validation result's status: <c>pass</c>, <c>warn</c> or <c>fail</c>.</summary>
    public const string Status = "backfill.status";

    /// <summary>How a step or an attempt ended (a work item's outcome, a commit's status).</summary>
    public const string Outcome = "backfill.outcome";

    /// <summary>The lateness band of landed events: <c>onTime</c>, <c>late0To24h</c>, <c>late24To48h</c>, <c>lateOver48h</c>.</summary>
    public const string Lateness = "backfill.lateness";
}

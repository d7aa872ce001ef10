namespace Backfill.Workflows.Api;

/// <summary>The late-data metrics of one event day in <c>GET /api/late-data</c>; zeros for a day never processed.</summary>
/// <param name="Date">The event day.</param>
/// <param name="OnTime">Unique events that landed on their day.</param>
/// <param name="Late0To24h">Unique events that landed 0–24 h after their day ended.</param>
/// <param name="Late24To48h">Unique events that landed 24–48 h after.</param>
/// <param name="LateOver48h">Unique events that landed 48 h or more after.</param>
/// <param name="IncludedAtFirstProcessing">Events in staging after the day's first build.</param>
/// <param name="PickedUpByRolling">Events the rolling reprocess added.</param>
/// <param name="RepairedAfterWindow">Events the beyond-watermark repair added.</param>
/// <param name="BeyondWatermarkPending">Events that landed after the last reprocess and are not repaired yet.</param>
/// <param name="Duplicates">Extra copies of events.</param>
/// <param name="Malformed">Quarantined lines.</param>
/// <param name="LastProcessedAt">The pinned processing time of the day's latest build, which the landed figures are as of; null for a day never processed.</param>
public sealed record LateDataDayView(
    string Date,
    long OnTime,
    long Late0To24h,
    long Late24To48h,
    long LateOver48h,
    long IncludedAtFirstProcessing,
    long PickedUpByRolling,
    long RepairedAfterWindow,
    long BeyondWatermarkPending,
    long Duplicates,
    long Malformed,
    DateTimeOffset? LastProcessedAt = null);

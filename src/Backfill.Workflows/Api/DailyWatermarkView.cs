namespace Backfill.Workflows.Api;

/// <summary>The answer to <c>GET /api/daily/watermark</c>.</summary>
/// <param name="Watermark">The committed watermark: every day up to it is committed; null before the first daily commit.</param>
/// <param name="Target">The feature version the daily run maintains.</param>
/// <param name="LagDays">Days the run's watermark trails its run date.</param>
/// <param name="RollingDays">Days before the watermark rebuilt in merge mode.</param>
/// <param name="CommittedAfterGap">Days committed beyond a gap (the gap is retried by the next run's catchup).</param>
/// <param name="PendingRepairs">Days queued for the next run's beyond-watermark repair.</param>
/// <param name="LastRunAsOf">The run time of the latest finished run.</param>
public sealed record DailyWatermarkView(
    string? Watermark, string Target, int LagDays, int RollingDays, IReadOnlyList<string> CommittedAfterGap, IReadOnlyList<string> PendingRepairs, DateTimeOffset? LastRunAsOf);

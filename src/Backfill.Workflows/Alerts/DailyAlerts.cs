using Backfill.Core.Partitions;
using Backfill.Storage.Alerts;

namespace Backfill.Workflows.Alerts;

/// <summary>The alerts a daily run raises, with the dedup keys that make a persisting condition alert once.</summary>
public static class DailyAlerts
{
    /// <summary>
    /// The run ended with failed builds. Keyed by the oldest failed partition: the gap that holds the watermark back,
    /// which the following runs retry; a new failure elsewhere alerts again.
    /// </summary>
    public static AlertRequest RunFailed(string dataset, Day oldest, int failures, string runId) => new(
        AlertSeverity.Error, AlertKinds.DailyRunFailed, $"{AlertKinds.DailyRunFailed}:{dataset}:{oldest}",
        $"Daily run {runId} ended completedWithFailures: {failures} build(s) failed, the oldest {dataset}/{oldest}.",
        dataset, oldest.ToString(), runId);

    /// <summary>
    /// The version's committed watermark trails the scheduled one by <paramref name="stallDays"/> or more, or null.
    /// Keyed by the committed watermark, so a stall alerts once, and again only if it advances and stalls anew.
    /// </summary>
    public static AlertRequest? Stalled(string version, Day? committed, Day scheduled, int stallDays, string runId)
    {
        if (committed is not { } watermark)
        {
            // Nothing committed yet: a version being filled by a backfill has no watermark to stall.
            return null;
        }

        var behind = scheduled.Date.DayNumber - watermark.Date.DayNumber;
        return behind < stallDays ? null : new AlertRequest(
            AlertSeverity.Error, AlertKinds.WatermarkStalled, $"{AlertKinds.WatermarkStalled}:{version}:{watermark}",
            $"{version}'s committed watermark is {watermark}, {behind} day(s) behind the scheduled {scheduled}: readers miss the days after it.",
            version, watermark.ToString(), runId);
    }
}

namespace Backfill.Workflows.Api;

/// <summary>The daily run and late-data routes under <c>/api</c>, shared by both hosts.</summary>
public static class DailyRoutes
{
    /// <summary>POST to start (or find) the daily run of a scheduled day.</summary>
    public const string Run = "daily/run";

    /// <summary>GET a daily run's status with per-day results.</summary>
    public const string Item = "daily/{id}";

    /// <summary>GET the committed watermark.</summary>
    public const string Watermark = "daily/watermark";

    /// <summary>GET the late-data metrics of a day range.</summary>
    public const string LateData = "late-data";
}

using System.ComponentModel.DataAnnotations;

namespace Backfill.Workflows.Hosting;

/// <summary>Where alerts go besides the log and the <c>alerts</c> table, and the thresholds of operational alerts (section <c>Alerts</c>).</summary>
public sealed class AlertSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Alerts";

    /// <summary>An http(s) URL that receives every alert as a JSON POST; unset for none.</summary>
    [Url]
    public string? WebhookUrl { get; set; }

    /// <summary>How long a webhook call may take before it is abandoned (and logged).</summary>
    [Range(1, 120)]
    public int WebhookTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// Days a feature version's committed watermark may trail the scheduled one before <c>watermark_stalled</c> is
    /// raised (once per stalled watermark). The default, 2, tolerates one failed daily run that the next one repairs.
    /// </summary>
    [Range(1, 365)]
    public int WatermarkStallDays { get; set; } = 2;

    /// <summary>Beyond-watermark late events a closed day may gather before <c>late_beyond_watermark</c> is raised.</summary>
    [Range(1, int.MaxValue)]
    public int LateBeyondWatermarkEvents { get; set; } = 1;
}

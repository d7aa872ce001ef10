using System.ComponentModel.DataAnnotations;

namespace Backfill.Workflows.Hosting;

/// <summary>Where alerts go besides the log and the <c>alerts</c> table (section <c>Alerts</c>).</summary>
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
}

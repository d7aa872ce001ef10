using System.ComponentModel.DataAnnotations;

namespace Backfill.Workflows.Hosting;

/// <summary>How long the API waits on storage (section <c>Storage</c>), validated at start.</summary>
public sealed class StorageCallSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Storage";

    /// <summary>
    /// How long one storage call made while serving an HTTP request may wait for an answer before the request is
    /// answered 503 (<see cref="ApiAwareRetryPolicy"/>). Short enough that a client hears "storage unavailable"
    /// while it still waits; long enough that slow but working storage still answers.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Storage:ApiCallTimeout must be between 00:00:01 and 00:05:00.")]
    public TimeSpan ApiCallTimeout { get; set; } = TimeSpan.FromSeconds(8);
}

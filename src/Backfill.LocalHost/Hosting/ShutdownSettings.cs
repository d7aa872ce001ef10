using System.ComponentModel.DataAnnotations;

namespace Backfill.LocalHost.Hosting;

/// <summary>The local host's stop (section <c>Host</c>), validated at start.</summary>
internal sealed class ShutdownSettings
{
    public const string Section = "Host";

    /// <summary>
    /// The most a stop (SIGTERM, Ctrl+C) may take, even with storage unreachable: after two thirds of it running
    /// activities are abandoned (redelivered on the next start); at nine tenths of it the process exits, so it has
    /// ended by the deadline.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:03", "00:10:00", ErrorMessage = "Host:ShutdownDeadline must be between 00:00:03 and 00:10:00.")]
    public TimeSpan ShutdownDeadline { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long hosted services get to stop gracefully: the rest of the deadline is for forced stops.</summary>
    public TimeSpan GracefulPart => ShutdownDeadline * 2 / 3;
}

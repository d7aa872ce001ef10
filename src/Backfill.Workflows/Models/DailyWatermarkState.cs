using Backfill.Core.Partitions;

namespace Backfill.Workflows.Models;

/// <summary>The durable state of the daily run for one feature version.</summary>
public sealed class DailyWatermarkState
{
    /// <summary>The committed watermark: every day up to it is committed. Null before the first commit.</summary>
    public Day? Watermark { get; set; }

    /// <summary>Days committed after a gap (beyond <see cref="Watermark"/> + 1), kept so the watermark can jump once the gap fills.</summary>
    public List<Day> CommittedDays { get; set; } = [];

    /// <summary>Days queued for a beyond-watermark repair by the next run.</summary>
    public List<Day> PendingRepairs { get; set; } = [];

    /// <summary>The run time of the latest run that recorded its result.</summary>
    public DateTimeOffset? LastRunAsOf { get; set; }
}

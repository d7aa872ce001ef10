using System.ComponentModel.DataAnnotations;
using Backfill.Core.Daily;
using Backfill.Core.Scheduling;

namespace Backfill.Workflows.Hosting;

/// <summary>Settings of the daily run (section <c>Daily</c>), validated at start.</summary>
public sealed class DailySettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Daily";

    /// <summary>The app setting holding the timer's schedule (six-field cron, UTC), as the Functions timer reads it.</summary>
    public const string ScheduleSetting = "DailySchedule";

    /// <summary>The default of <see cref="ScheduleSetting"/>: 02:00 UTC every day.</summary>
    public const string DefaultSchedule = "0 0 2 * * *";

    /// <summary>Days the watermark trails the run date.</summary>
    [Range(0, 30)]
    public int LagDays { get; set; } = DailyOptions.DefaultLagDays;

    /// <summary>Days before the watermark rebuilt in merge mode by each run.</summary>
    [Range(0, DailyOptions.MaxRollingDays)]
    public int RollingDays { get; set; } = DailyOptions.DefaultRollingDays;

    /// <summary>Whether a run also processes the days missed since the committed watermark.</summary>
    public bool Catchup { get; set; } = true;

    /// <summary>The most catchup days one run processes, oldest first; the rest wait for the next runs.</summary>
    [Range(1, 366)]
    public int MaxCatchupDays { get; set; } = DailyOptions.DefaultMaxCatchupDays;

    /// <summary>The daily cap: work items of one daily run in flight at once; catchup days start oldest first under it.</summary>
    [Range(MaxParallelBounds.Min, MaxParallelBounds.Max)]
    public int MaxParallel { get; set; } = MaxParallelBounds.Default;

    /// <summary>
    /// Slots of the global activity budget (<c>Backfill:ActivityBudget</c>) never granted to backfills, so the daily run's
    /// work items never queue behind theirs; <see cref="MaxParallel"/> must fit in them.
    /// </summary>
    [Range(MaxParallelBounds.Min, MaxParallelBounds.Max)]
    public int ReservedSlots { get; set; } = MaxParallelBounds.Default;

    /// <summary>The feature version the daily run maintains.</summary>
    [Required]
    public string Target { get; set; } = "features_v1";

    /// <summary>Whether days whose late events landed after their last reprocess are repaired (merge) by the next run.</summary>
    public bool RepairLateBeyondWindow { get; set; } = true;

    /// <summary>Whether the local host runs the timer (the Functions app always has its timer trigger).</summary>
    public bool TimerEnabled { get; set; } = true;

    /// <summary>Retries of a transiently failed work item.</summary>
    [Range(0, 10)]
    public int Retries { get; set; } = 2;
}

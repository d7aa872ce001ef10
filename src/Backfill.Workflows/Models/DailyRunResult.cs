using Backfill.Core.Partitions;

namespace Backfill.Workflows.Models;

/// <summary>The progress (custom status) and result (output) of one daily run.</summary>
/// <param name="AsOf">The run time T.</param>
/// <param name="Watermark">The day D = date(T) − lag this run processes.</param>
/// <param name="CommittedWatermarkBefore">The committed watermark when the run started.</param>
/// <param name="CommittedWatermark">The committed watermark after the run (null while running or before any commit).</param>
/// <param name="Status">running, completed or completedWithFailures.</param>
/// <param name="Days">Per-day results so far, oldest first.</param>
/// <param name="RepairsQueued">Days whose late events landed after their last reprocess, queued for the next run's repair.</param>
public sealed record DailyRunResult(
    DateTimeOffset AsOf,
    Day Watermark,
    Day? CommittedWatermarkBefore,
    Day? CommittedWatermark,
    string Status,
    IReadOnlyList<DailyDayResult> Days,
    IReadOnlyList<Day> RepairsQueued);

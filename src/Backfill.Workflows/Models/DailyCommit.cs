using Backfill.Core.Partitions;

namespace Backfill.Workflows.Models;

/// <summary>What a finished daily run reports to the durable watermark.</summary>
/// <param name="AsOf">The run time.</param>
/// <param name="CommittedDays">Daily and catchup days whose every layer succeeded.</param>
/// <param name="RepairedDays">Queued repair days this run rebuilt successfully (dequeued).</param>
/// <param name="QueuedRepairs">Days found with late events beyond their last reprocess (queued).</param>
/// <param name="Scheduled">The watermark the run was scheduled to reach (date(AsOf) − lag); the committed one trails it by the watermark lag.</param>
public sealed record DailyCommit(
    DateTimeOffset AsOf, IReadOnlyList<Day> CommittedDays, IReadOnlyList<Day> RepairedDays, IReadOnlyList<Day> QueuedRepairs,
    Day? Scheduled = null);

namespace Backfill.Workflows.Models;

/// <summary>The input of a day split into entity buckets.</summary>
/// <param name="Request">The day's item as the run would run it in one piece (attempt 1, no step).</param>
/// <param name="Retries">Retries of a transiently failed step.</param>
/// <param name="RetryDelaySeconds">The first retry's delay; each further retry doubles it.</param>
/// <param name="Slots">The most bucket steps in flight at once: the run's cap counts them, not days.</param>
/// <param name="Position">Where the day goes on after it continued as new; null when it starts.</param>
public sealed record BucketedDayInput(WorkItemRequest Request, int Retries, int RetryDelaySeconds, int Slots, BucketedDayPosition? Position = null);

namespace Backfill.Workflows.Models;

/// <summary>A backfill asking the activity budget for slots.</summary>
/// <param name="BackfillId">The backfill's instance id.</param>
/// <param name="Wanted">Its max parallel: the most slots it can use.</param>
/// <param name="At">Its orchestration time: the grant's renewal time, and the "now" other grants lapse against.</param>
public sealed record ActivityGrantRequest(string BackfillId, int Wanted, DateTimeOffset At);

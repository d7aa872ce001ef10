namespace Backfill.Workflows.Api;

/// <summary>The body of <c>POST /api/daily/run</c>; optional, as is its field.</summary>
/// <param name="AsOf">The run time T (ISO 8601 with offset); default now. Tests and demos drive time through it.</param>
public sealed record DailyRunBody(string? AsOf);

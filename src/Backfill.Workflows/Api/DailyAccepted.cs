namespace Backfill.Workflows.Api;

/// <summary>The answer to <c>POST /api/daily/run</c>.</summary>
/// <param name="Id">The run's id, <c>daily-YYYY-MM-DD</c> of the scheduled day.</param>
/// <param name="StatusUri">Where to GET its status.</param>
/// <param name="Created">False when a run of the same day already existed and was returned instead.</param>
public sealed record DailyAccepted(string Id, string StatusUri, bool Created);

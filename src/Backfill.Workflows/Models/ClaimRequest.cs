namespace Backfill.Workflows.Models;

/// <summary>A run asking the claim service for the partitions it will write.</summary>
/// <param name="RunId">The run's instance id.</param>
/// <param name="Daily">Whether it is a daily run (priority over backfills).</param>
/// <param name="Wanted">Dataset → days (canonical partition set expression), in pipeline order.</param>
/// <param name="Wait">For a backfill: hold the free part and wait for the rest instead of being refused.</param>
/// <param name="Evict">Holders found failed, terminated or missing: their claims are freed first.</param>
/// <param name="At">The run's orchestration time.</param>
public sealed record ClaimRequest(string RunId, bool Daily, IReadOnlyDictionary<string, string> Wanted, bool Wait, IReadOnlyList<string> Evict, DateTimeOffset At);

namespace Backfill.Workflows.Models;

/// <summary>State of the tally entity: a count and a version that every change bumps.</summary>
public sealed record Tally(int Count, long Version);

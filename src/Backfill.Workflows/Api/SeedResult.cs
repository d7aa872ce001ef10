namespace Backfill.Workflows.Api;

/// <summary>What a seed landed: files written now, and the days covered (files landed earlier are kept as they are).</summary>
public sealed record SeedResult(string From, string To, int Days, int FilesWritten, int Seed);

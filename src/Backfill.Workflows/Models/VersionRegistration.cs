namespace Backfill.Workflows.Models;

/// <summary>A backfill registers the version it fills (a candidate unless it is live or still built).</summary>
/// <param name="Version">The backfill's target.</param>
/// <param name="Live">The version the pointer names.</param>
public sealed record VersionRegistration(string Version, string Live);

namespace Backfill.Workflows.Models;

/// <summary>Input of the completeness check.</summary>
/// <param name="Current">The version readers use now; its committed days are the default requirement.</param>
/// <param name="Target">The version to flip to.</param>
/// <param name="Range">The required days as a canonical partition set; null for the default.</param>
public sealed record CompletenessRequest(string Current, string Target, string? Range);

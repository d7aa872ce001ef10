using Backfill.Core.Partitions;

namespace Backfill.Workflows.Models;

/// <summary>Input of the completeness check.</summary>
/// <param name="Current">The version readers use now; every day from its first committed day is the default requirement.</param>
/// <param name="Target">The version to flip to.</param>
/// <param name="Partitions">The required days as a canonical partition set; null for the default.</param>
/// <param name="CommittedWatermark">The daily run's committed watermark of <paramref name="Current"/>: the default requirement reaches at least it.</param>
public sealed record CompletenessRequest(string Current, string Target, string? Partitions, Day? CommittedWatermark = null);

using Backfill.Core.Partitions;

namespace Backfill.Workflows.Models;

/// <summary>Input of the canary check.</summary>
/// <param name="Current">The version readers use now: the drift reference.</param>
/// <param name="Target">The version to flip to.</param>
/// <param name="Days">The sampled days.</param>
public sealed record CanaryRequest(string Current, string Target, IReadOnlyList<Day> Days);

namespace Backfill.Workflows.Api;

/// <summary>Body of <c>POST /api/pointers/{name}/flip</c>.</summary>
/// <param name="To">The version to flip to, e.g. <c>features_v2</c>.</param>
/// <param name="ExpectedCurrent">The version the caller believes is current; the flip is refused (409) otherwise.</param>
/// <param name="Partitions">Days that must be complete in <paramref name="To"/> (a partition set); default: the days the current version has committed.</param>
/// <param name="ExpectedSequence">The sequence the caller read; default: the pointer's sequence now.</param>
/// <param name="DryRun">Run the completeness check and the canary, answer with their results, and leave the pointer as it is; default false.</param>
/// <param name="Range">
/// Deprecated alias of <paramref name="Partitions"/>, accepted for one release: every other request names a partition
/// set <c>partitions</c>. A request that uses it is answered with a <c>Deprecation</c> header.
/// </param>
public sealed record FlipBody(string? To, string? ExpectedCurrent, string? Partitions, long? ExpectedSequence, bool? DryRun = null, string? Range = null);

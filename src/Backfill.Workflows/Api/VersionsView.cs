namespace Backfill.Workflows.Api;

/// <summary>Body of <c>GET /api/versions</c> (and of a retire's 200).</summary>
/// <param name="Name">The pointer whose versions these are.</param>
/// <param name="Live">The version the pointer names.</param>
/// <param name="Sequence">The registry's sequence (its mirror blob shows this state or a later one).</param>
/// <param name="LastWatermark">The newest watermark day a daily run processed.</param>
/// <param name="RetainDays">Processed days a retiring version is still built.</param>
/// <param name="Versions">Every feature version this build knows.</param>
public sealed record VersionsView(string Name, string Live, long Sequence, string? LastWatermark, int RetainDays, IReadOnlyList<VersionView> Versions);

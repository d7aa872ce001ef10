using Backfill.Core.Partitions;

namespace Backfill.Core.Pointers;

/// <summary>One feature version in the version registry.</summary>
/// <param name="Version">The dataset, e.g. <c>features_v2</c>.</param>
/// <param name="State">Its version state.</param>
/// <param name="FirstDay">
/// The first day the daily run builds for it (a candidate: the day after the newest day the daily run had processed when
/// it was registered); null until the first daily run that builds it fixes it. A backfill fills the days before.
/// </param>
/// <param name="Since">
/// For a retiring version, the newest day the daily run had processed when it stopped being live; for a retired
/// one, the last day the daily run built it. Null otherwise, and for a retiring version until the first daily run
/// after the flip fixes it.
/// </param>
public sealed record VersionEntry(string Version, VersionState State, Day? FirstDay, Day? Since);

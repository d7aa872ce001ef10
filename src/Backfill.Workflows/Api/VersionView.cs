namespace Backfill.Workflows.Api;

/// <summary>One feature version in <c>GET /api/versions</c>.</summary>
/// <param name="Version">The dataset, e.g. <c>features_v2</c>.</param>
/// <param name="State">candidate, live, retiring or retired; null for a version the registry never knew (never live, never backfilled).</param>
/// <param name="DailyFrom">The first day the daily run builds for it; null until a run fixes it.</param>
/// <param name="Since">Retiring: the newest processed day when it stopped being live; retired: the last day it was built.</param>
/// <param name="CommittedWatermark">The daily run's committed watermark of this version: every day up to it is committed.</param>
/// <param name="FirstCommittedDay">Its oldest day with a live commit.</param>
/// <param name="LastCommittedDay">Its newest day with a live commit.</param>
/// <param name="Gaps">Days between the first and last committed day without a live commit, as a partition set (ready for a backfill); null when none.</param>
/// <param name="InputWindowDays">W: its partition of day D reads staging D-W+1..D, so a change to staging D makes its days D..D+W-1 stale.</param>
public sealed record VersionView(
    string Version, string? State, string? DailyFrom, string? Since, string? CommittedWatermark, string? FirstCommittedDay, string? LastCommittedDay, string? Gaps,
    int InputWindowDays);

using Backfill.Core.Partitions;

namespace Backfill.Core.Daily;

/// <summary>The days one daily run processes, by how it processes them. Every list is oldest first.</summary>
/// <param name="Watermark">The newest day: raw, staging and features are built for it.</param>
/// <param name="CatchupDays">
/// The days after the committed watermark and before <paramref name="Watermark"/> that are not committed: built
/// in every layer, like the watermark day: the oldest <see cref="DailyOptions.MaxCatchupDays"/> of them. Empty when
/// catchup is off.
/// </param>
/// <param name="RollingDays">
/// The rolling reprocess: the days just before <paramref name="Watermark"/>, other than catchup days, whose raw
/// and staging are rebuilt in merge mode to pick up late events.
/// </param>
/// <param name="InvalidatedFeaturesDays">
/// The features days to rebuild because a staging day they read changes in this run (a catchup or rolling day):
/// only days already committed, never after <paramref name="Watermark"/>, and not the days built in every layer
/// anyway.
/// </param>
public sealed record DailyPlan(
    Day Watermark,
    IReadOnlyList<Day> CatchupDays,
    IReadOnlyList<Day> RollingDays,
    IReadOnlyList<Day> InvalidatedFeaturesDays);

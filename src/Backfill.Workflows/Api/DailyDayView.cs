namespace Backfill.Workflows.Api;

/// <summary>One day in a daily run's status.</summary>
/// <param name="Date">The day.</param>
/// <param name="Role">daily, catchup, rolling or repair.</param>
/// <param name="Committed">Whether the day counts as committed for the watermark.</param>
/// <param name="Layers">The layers built, in build order.</param>
public sealed record DailyDayView(string Date, string Role, bool Committed, IReadOnlyList<DailyLayerView> Layers);

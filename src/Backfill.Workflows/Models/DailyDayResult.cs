using Backfill.Core.Lineage;
using Backfill.Core.Partitions;

namespace Backfill.Workflows.Models;

/// <summary>What a daily run did for one day.</summary>
/// <param name="Date">The day.</param>
/// <param name="Role">Why the day was in the run: daily, catchup, rolling or repair.</param>
/// <param name="Layers">Each layer built, in build order.</param>
/// <param name="Committed">Whether the day now counts as committed for the watermark (daily and catchup days whose every layer succeeded).</param>
public sealed record DailyDayResult(Day Date, RunTrigger Role, IReadOnlyList<DailyLayerResult> Layers, bool Committed);

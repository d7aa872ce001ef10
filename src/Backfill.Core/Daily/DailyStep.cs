using Backfill.Core.Lineage;
using Backfill.Core.Partitions;

namespace Backfill.Core.Daily;

/// <summary>What a daily run does for one day.</summary>
/// <param name="Day">The day.</param>
/// <param name="Trigger">Why the day is in the run (daily, catchup, rolling or repair); recorded in lineage.</param>
/// <param name="Merge">Raw and staging are rebuilt in merge mode (rolling reprocess, repair) instead of overwritten.</param>
/// <param name="BuildsUpstream">Raw and staging are built for the day.</param>
/// <param name="BuildsFeatures">Features are built for the day, after every upstream build of the run.</param>
public sealed record DailyStep(Day Day, RunTrigger Trigger, bool Merge, bool BuildsUpstream, bool BuildsFeatures)
{
    /// <summary>Gets whether the day counts towards the committed watermark when all its builds succeed.</summary>
    public bool AdvancesWatermark => Trigger is RunTrigger.Daily or RunTrigger.Catchup;
}

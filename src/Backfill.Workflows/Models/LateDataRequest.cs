using Backfill.Core.Lineage;
using Backfill.Core.Partitions;

namespace Backfill.Workflows.Models;

/// <summary>Asks for the late-data metrics of one day to be recorded after its staging build.</summary>
/// <param name="Day">The event day.</param>
/// <param name="Trigger">Why the day was built.</param>
/// <param name="ProcessingTime">The build's processing time.</param>
public sealed record LateDataRequest(Day Day, RunTrigger Trigger, DateTimeOffset ProcessingTime);

using Backfill.Core.Events;
using Backfill.Core.Landing;

namespace Backfill.Core.Building;

/// <summary>The content of raw(D): its events in storage order and the lines it quarantined.</summary>
/// <param name="Events">Every landed event of day D that arrived by the processing time, duplicates included.</param>
/// <param name="Quarantined">The malformed lines that belong to day D, in landing order.</param>
/// <param name="LandedLines">
/// The landed lines that belong to day D and had arrived by the processing time: what the raw rows and the
/// quarantined lines, once written and read back, must add up to (the cross-layer check).
/// </param>
public sealed record RawBuild(IReadOnlyList<ArrivedEvent> Events, IReadOnlyList<QuarantinedLine> Quarantined, long LandedLines);

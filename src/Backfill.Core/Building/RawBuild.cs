using Backfill.Core.Events;
using Backfill.Core.Landing;

namespace Backfill.Core.Building;

/// <summary>The content of raw(D): its events in storage order and the lines it quarantined.</summary>
/// <param name="Events">Every landed event of day D that arrived by the processing time, duplicates included.</param>
/// <param name="Quarantined">The malformed lines that belong to day D, in landing order.</param>
public sealed record RawBuild(IReadOnlyList<ArrivedEvent> Events, IReadOnlyList<QuarantinedLine> Quarantined);

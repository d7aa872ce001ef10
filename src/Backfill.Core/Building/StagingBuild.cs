using Backfill.Core.Events;
using Backfill.Core.Features;

namespace Backfill.Core.Building;

/// <summary>The content of staging(D): clean events and the per-entity daily rollup published with them.</summary>
/// <param name="Events">Events unique by event id, amounts normalized, in storage order.</param>
/// <param name="Rollups">One rollup per entity, ordered by entity id.</param>
/// <param name="DuplicatesDropped">How many raw rows repeated an event id already kept.</param>
public sealed record StagingBuild(IReadOnlyList<ArrivedEvent> Events, IReadOnlyList<DailyRollup> Rollups, int DuplicatesDropped);

namespace Backfill.Core.Scheduling;

/// <summary>
/// The bounds of the settings that count activities or orchestrations in flight at once: the global activity budget
/// (<c>Backfill:ActivityBudget</c>) and the local engine's ceilings (<c>DurableEngine:MaxConcurrentActivities</c>,
/// <c>DurableEngine:MaxConcurrentOrchestrations</c>), so the budget can always be set as high as a ceiling.
/// </summary>
public static class ConcurrencyBounds
{
    /// <summary>The most of either: far more than one 2-core host runs well, a typo guard rather than a tuning limit.</summary>
    public const int Max = 256;

    /// <summary>The least activity budget: one slot reserved for the daily run and one left for backfills.</summary>
    public const int MinActivityBudget = 2;
}

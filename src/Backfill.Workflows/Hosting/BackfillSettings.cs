using System.ComponentModel.DataAnnotations;
using Backfill.Core.Scheduling;

namespace Backfill.Workflows.Hosting;

/// <summary>Backfill defaults and limits (section <c>Backfill</c>), validated at start.</summary>
public sealed class BackfillSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Backfill";

    /// <summary>Max parallel when a request names none.</summary>
    [Range(MaxParallelBounds.Min, MaxParallelBounds.Max)]
    public int MaxParallel { get; set; } = MaxParallelBounds.Default;

    /// <summary>The default of <see cref="ActivityBudget"/>: the hosts' default of activities in flight at once.</summary>
    public const int DefaultActivityBudget = 16;

    /// <summary>
    /// The global activity budget: work item activities in flight at once across every backfill and the daily run,
    /// of which <c>Daily:ReservedSlots</c> are kept for the daily run. Keep it at most each host's activity ceiling
    /// (host.json <c>maxConcurrentActivityFunctions</c>, <c>DurableEngine:MaxConcurrentActivities</c>), so a granted
    /// activity never waits in the queue.
    /// </summary>
    [Range(ConcurrencyBounds.MinActivityBudget, ConcurrencyBounds.Max)]
    public int ActivityBudget { get; set; } = DefaultActivityBudget;

    /// <summary>How often (orchestration seconds, at most) a backfill granted less than its max parallel asks the budget again.</summary>
    [Range(1, 3600)]
    public int GrantRefreshSeconds { get; set; } = 30;

    /// <summary>Most days one backfill may cover.</summary>
    [Range(1, 36_600)]
    public int MaxDays { get; set; } = 3_660;

    /// <summary>The first retry's delay in seconds; each further retry doubles it.</summary>
    [Range(0, 300)]
    public int RetryDelaySeconds { get; set; } = 5;

    /// <summary>How long a paused backfill keeps its claims and activity slots before giving them back (it claims again on resume).</summary>
    [Range(0, 10_080)]
    public int PauseReleaseMinutes { get; set; } = 60;

    /// <summary>How long <c>POST /api/pointers/{name}/flip</c> (and rollback) waits for the flip before answering 202 with a status URL.</summary>
    [Range(0, 200)]
    public int FlipWaitSeconds { get; set; } = 60;

    /// <summary>
    /// Orchestration time each work item takes beyond the steps its lineage row records (dispatching the activity,
    /// claim and skip checks, the item row, the orchestrator's turn): added to every item of a plan's impact estimate.
    /// Measured on the local host against Azurite (README, Impact estimate).
    /// </summary>
    [Range(0, 600_000)]
    public int EstimateItemOverheadMilliseconds { get; set; } = 2_000;

    /// <summary>
    /// Whether <c>POST /api/seed-data</c> may land synthetic events. Off unless turned on: in Azure the landing zone is
    /// production data (infra sets it false); the local host's appsettings.json turns it on.
    /// </summary>
    public bool AllowSampleData { get; set; }
}

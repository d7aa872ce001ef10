using Backfill.Core.Scheduling;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Models;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Entities;

/// <summary>
/// The global activity budget (one instance, key <see cref="GlobalKey"/>): grants each backfill slots of the budget
/// less the daily run's reserved slots. A backfill queues at most its grant of activities, so the task hub's one
/// work-item queue never holds more backfill activities than the hosts run at once, and a daily activity is picked
/// up at once instead of waiting behind them. An entity because operations run one at a time: two backfills asking
/// together can never both take the same free slots.
/// </summary>
public sealed class ActivityBudgetEntity(IOptions<BackfillSettings> backfill, IOptions<DailySettings> daily) : TaskEntity<ActivityBudgetState>
{
    /// <summary>The key of the one instance.</summary>
    public const string GlobalKey = "global";

    /// <summary>The one instance's id.</summary>
    public static EntityInstanceId Global { get; } = new(nameof(ActivityBudgetEntity), GlobalKey);

    /// <summary>Grants the backfill up to what it wants of the share the other backfills left (at least 1), replacing its grant.</summary>
    public ActivityGrant Request(ActivityGrantRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var budget = Budget();
        var granted = budget.Request(request.BackfillId, Math.Max(1, request.Wanted), request.At);
        return new ActivityGrant(granted, budget.Budget, budget.Reserved, budget.GrantedToOthers(request.BackfillId));
    }

    /// <summary>Gives back the backfill's slots (idempotent, so a redelivered signal changes nothing).</summary>
    public void Release(string backfillId) => Budget().Release(backfillId);

    /// <summary>The current grants.</summary>
    public ActivityBudgetState Get() => State;

    /// <inheritdoc />
    protected override ActivityBudgetState InitializeState(TaskEntityOperation entityOperation) => new();

    private ActivityBudget Budget() => new(backfill.Value.ActivityBudget, daily.Value.ReservedSlots, State.Grants);
}

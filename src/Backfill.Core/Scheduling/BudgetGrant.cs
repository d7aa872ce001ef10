namespace Backfill.Core.Scheduling;

/// <summary>The slots one backfill holds of the activity budget.</summary>
/// <param name="Slots">Work items it may have in flight at once.</param>
/// <param name="RenewedAt">When it last asked (its orchestration time); a grant not renewed for <see cref="ActivityBudget.Lease"/> lapses.</param>
public sealed record BudgetGrant(int Slots, DateTimeOffset RenewedAt);

using Backfill.Core.Scheduling;

namespace Backfill.Workflows.Models;

/// <summary>The durable state of the activity budget: the slots granted per backfill id.</summary>
public sealed class ActivityBudgetState
{
    /// <summary>The grant per backfill id; a backfill is absent once it released its slots or its grant lapsed.</summary>
    public Dictionary<string, BudgetGrant> Grants { get; set; } = new(StringComparer.Ordinal);
}

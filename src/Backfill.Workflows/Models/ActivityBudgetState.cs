namespace Backfill.Workflows.Models;

/// <summary>The durable state of the activity budget: the slots granted per backfill id.</summary>
public sealed class ActivityBudgetState
{
    /// <summary>Slots granted per backfill id; a backfill is absent once it released them.</summary>
    public Dictionary<string, int> Grants { get; set; } = new(StringComparer.Ordinal);
}

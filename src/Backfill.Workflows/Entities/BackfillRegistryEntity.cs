using Backfill.Core.Partitions;
using Backfill.Workflows.Models;
using Microsoft.DurableTask.Entities;

namespace Backfill.Workflows.Entities;

/// <summary>
/// One per target dataset: the active backfills and their days. Entity operations run one at a
/// time, so "check for overlap, then claim" cannot race the way check-then-start would.
/// </summary>
public sealed class BackfillRegistryEntity : TaskEntity<List<BackfillClaim>>
{
    private static readonly PartitionSetParseOptions Canonical = new() { MaxDays = int.MaxValue };

    /// <summary>Claims the days for <paramref name="claim"/>'s backfill unless an active one overlaps.</summary>
    /// <returns>Null when claimed (or already held by the same backfill); else the id of the overlapping backfill.</returns>
    public string? Register(BackfillClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (State.Any(c => c.BackfillId == claim.BackfillId))
        {
            return null;
        }

        var days = PartitionSetParser.Parse(claim.Partitions, Canonical);
        var overlapping = State.FirstOrDefault(active => PartitionSetParser.Parse(active.Partitions, Canonical).Any(days.Contains));
        if (overlapping is not null)
        {
            return overlapping.BackfillId;
        }

        State.Add(claim);
        return null;
    }

    /// <summary>Releases the backfill's claim (idempotent).</summary>
    public void Release(string backfillId) => State.RemoveAll(c => c.BackfillId == backfillId);

    /// <summary>The active claims.</summary>
    public IReadOnlyList<BackfillClaim> Get() => State;

    /// <inheritdoc />
    protected override List<BackfillClaim> InitializeState(TaskEntityOperation entityOperation) => [];
}

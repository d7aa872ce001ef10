using Backfill.Storage.Alerts;
using Backfill.Storage.Pointers;
using Backfill.Workflows.Alerts;
using Backfill.Workflows.Models;
using Backfill.Workflows.Pipeline;
using Microsoft.DurableTask;

namespace Backfill.Workflows.Activities;

/// <summary>
/// Moves the pointer's mirror blob forward to a state the entity holds, then records the change (if any) in
/// lineage and raises an info alert (log event, alerts row, webhook). Idempotent for the mirror and lineage: a
/// redelivered call finds the mirror already there and rewrites the same lineage row.
/// </summary>
public sealed class PublishPointerActivity(LakeReady lakeReady, AlertRaiser alerts) : TaskActivity<PointerPublication, PointerMirror>
{
    /// <inheritdoc />
    public override async Task<PointerMirror> RunAsync(TaskActivityContext context, PointerPublication input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lake = await lakeReady.GetAsync().ConfigureAwait(false);
        var mirror = await new PointerStore(lake).AdvanceAsync(input.State.ToMirror(), CancellationToken.None).ConfigureAwait(false);
        if (input.Change is { } change)
        {
            await new PointerLineage(lake).RecordAsync(change, CancellationToken.None).ConfigureAwait(false);
            var message = $"pointer {change.Name} {change.Kind}: {change.From} → {change.To} at sequence {change.Sequence} by {change.FlippedBy}; "
                + $"{change.RequiredDays} required days; canary {change.Canary}";
            await alerts.RaiseAsync(AlertSeverity.Info, $"pointer_{change.Kind}", message, change.To, null, change.FlippedBy, change, CancellationToken.None)
                .ConfigureAwait(false);
        }

        return mirror;
    }
}

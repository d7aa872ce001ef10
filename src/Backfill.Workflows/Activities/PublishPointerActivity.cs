using Backfill.Storage.Pointers;
using Backfill.Workflows.Models;
using Backfill.Workflows.Pipeline;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Backfill.Workflows.Activities;

/// <summary>
/// Moves the pointer's mirror blob forward to a state the entity holds, then records the change (if any) in
/// lineage and the log. Idempotent: a redelivered call finds the mirror already there and rewrites the same
/// lineage row.
/// </summary>
public sealed partial class PublishPointerActivity(LakeReady lakeReady, ILogger<PublishPointerActivity> logger) : TaskActivity<PointerPublication, PointerMirror>
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
            LogChanged(logger, change.Name, change.Kind, change.From, change.To, change.Sequence, change.FlippedBy, change.RequiredDays, change.Canary);
        }

        return mirror;
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Information,
        Message = "Pointer {Pointer} {Operation} from {From} to {To} at sequence {Sequence} by {FlippedBy}; required days {RequiredDays}; canary {Canary}")]
    private static partial void LogChanged(ILogger logger, string pointer, string operation, string from, string to, long sequence, string flippedBy, int requiredDays, string canary);
}

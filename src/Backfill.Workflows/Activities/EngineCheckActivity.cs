using Backfill.Workflows.Models;
using Microsoft.DurableTask;

namespace Backfill.Workflows.Activities;

/// <summary>Holds a slot for the requested time and reports when and where it ran.</summary>
public sealed class EngineCheckActivity(TimeProvider time) : TaskActivity<EngineCheckItem, EngineCheckItemResult>
{
    /// <inheritdoc />
    public override async Task<EngineCheckItemResult> RunAsync(TaskActivityContext context, EngineCheckItem input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var started = time.GetUtcNow();
        await Task.Delay(TimeSpan.FromMilliseconds(input.WorkMilliseconds), time).ConfigureAwait(false);
        return new EngineCheckItemResult(input.Index, started, time.GetUtcNow(), Environment.ProcessId);
    }
}

using Backfill.Core.Scheduling;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Models;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;

namespace Backfill.Workflows.Orchestrators;

/// <summary>
/// A self-test of the durable engine a deployment runs on: a capped sliding-window fan-out of
/// activities plus an entity it calls per item and reads back. Its result is checkable (cap respected, every
/// item once, tally equal to items) so operators and tests can prove the wiring end to end.
/// </summary>
public sealed class EngineCheckOrchestrator : TaskOrchestrator<EngineCheckRequest, EngineCheckResult>
{
    /// <inheritdoc />
    public override async Task<EngineCheckResult> RunAsync(TaskOrchestrationContext context, EngineCheckRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var tally = new EntityInstanceId(nameof(TallyEntity), context.InstanceId);
        var items = Enumerable.Range(0, input.Items).Select(i => new EngineCheckItem(i, input.WorkMilliseconds));

        // Each mark is a call, not a signal: a call's response proves the entity applied it, so the
        // read below counts every item even when the hub's partitions move between hosts mid-run.
        var results = await SlidingWindow.RunAsync(
            items,
            input.MaxParallel,
            async item =>
            {
                var done = await context.CallActivityAsync<EngineCheckItemResult>(nameof(EngineCheckActivity), item);
                await context.Entities.CallEntityAsync<Tally>(tally, nameof(TallyEntity.Mark), done.Index);
                return done;
            });

        var final = await context.Entities.CallEntityAsync<Tally>(tally, nameof(TallyEntity.Get));
        var ordered = results.OrderBy(r => r.Index).ToList();
        return new EngineCheckResult(ordered, Intervals.MaxOverlap(ordered.Select(r => (r.StartedAt, r.FinishedAt))), final.Count);
    }
}

using Backfill.Workflows.Activities;
using Backfill.Workflows.Models;

namespace Backfill.Bench.Orchestration;

/// <summary>Work items that only hold their slot for a scripted time: isolates the orchestration's own cost.</summary>
internal sealed class SleepingRunner(TimedWork work) : IWorkItemRunner
{
    public Func<WorkItemRequest, int> WorkMs { get; set; } = _ => 0;

    public async Task<WorkItemRunResult> RunAsync(WorkItemRequest request, CancellationToken cancellationToken)
    {
        await work.RunAsync(WorkMs(request));
        return new WorkItemRunResult(false, 0, null);
    }
}

using Backfill.Workflows.Orchestrators;
using Microsoft.DurableTask;

namespace Backfill.Bench.Orchestration;

/// <summary>A sliding window with no bookkeeping: the engine's floor for per-item overhead.</summary>
internal sealed class BareWindowOrchestrator : TaskOrchestrator<BenchFanOut, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, BenchFanOut input)
    {
        var done = await SlidingWindow.RunAsync(input.WorkMs, input.MaxParallel, ms => context.CallActivityAsync<bool>(nameof(BenchWorkActivity), ms));
        return done.Count;
    }
}

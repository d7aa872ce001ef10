using Microsoft.DurableTask;

namespace Backfill.Bench.Orchestration;

/// <summary>The naive fan-out to compare against: batches of max parallel, each waiting for its slowest item.</summary>
internal sealed class BatchBarrierOrchestrator : TaskOrchestrator<BenchFanOut, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, BenchFanOut input)
    {
        foreach (var batch in input.WorkMs.Chunk(input.MaxParallel))
        {
            await Task.WhenAll(batch.Select(ms => context.CallActivityAsync<bool>(nameof(BenchWorkActivity), ms)));
        }

        return input.WorkMs.Count;
    }
}

using Microsoft.DurableTask;

namespace Backfill.Bench.Orchestration;

/// <summary>Holds a slot for the given milliseconds.</summary>
internal sealed class BenchWorkActivity(TimedWork work) : TaskActivity<int, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, int input)
    {
        await work.RunAsync(input);
        return true;
    }
}
